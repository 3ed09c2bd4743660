def index = context.get('index')
try {
    assert index.tokenRequests() == 0
    assert index.uploads().isEmpty()
    def log = new File(basedir, 'build.log').text
    assert log.contains('<configuration>: <dryrun> (did you mean dryRun?)')
    assert log.contains('The property pypi.dryrun is set, but no goal of')
    assert log.contains('(did you mean pypi.dryRun?)')
    assert log.contains('BUILD FAILURE')
} finally {
    index.stop()
}
true
