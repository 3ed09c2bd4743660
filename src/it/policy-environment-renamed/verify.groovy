def log = new File(basedir, 'build.log').text
assert log.contains('FAIL [environment-matches]')
assert log.contains('.github/workflows/publish.yml')
assert log.contains('The publishing policy check FAILED')
// The distributions themselves are fine: only the policy fails the build.
assert log.contains('PASSED')
true
