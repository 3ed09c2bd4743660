import io.github.yogs0ddhoth.pypi.testing.FakeIndex

def index = context.get('index')
try {
    def wheel = 'hello_build-0.1.0-py3-none-any.whl'
    def sdist = 'hello_build-0.1.0.tar.gz'
    def dist = new File(basedir, 'python-build/target/dist')
    def log = new File(basedir, 'build.log').text

    // package: python -m build wrote both files.
    assert log.contains("Successfully built ${sdist} and ${wheel}")
    assert dist.list() as Set == [sdist, wheel] as Set
    // verify: pypi:check passed them and the sample's workflow, before anything was published.
    assert log.contains("${wheel}: PASSED")
    assert log.contains("${sdist}: PASSED")
    def check = log.indexOf("${wheel}: PASSED")
    assert log.contains('PASS [declared-workflow-exists] .github/workflows/publish.yml')
    assert log.contains('Publishing policy: PASSED')
    assert !log.readLines().any { it.contains('FAIL') && it.contains('.github') }

    // deploy: both uploaded, the wheel first, byte for byte, with what hatchling wrote into the metadata.
    def uploads = index.uploads()
    assert uploads.collect { FakeIndex.contentFilename(it) } == [wheel, sdist]
    assert FakeIndex.content(uploads[0]) == new File(dist, wheel).bytes
    assert FakeIndex.content(uploads[1]) == new File(dist, sdist).bytes
    uploads.each { upload ->
        def f = FakeIndex.fieldMap(upload)
        assert f['metadata_version'] == ['2.4']
        assert f['name'] == ['hello-build']
        assert f['version'] == ['0.1.0']
        assert f['license_expression'] == ['Apache-2.0']
        assert f['license_file'] == ['LICENSE']
        assert f['requires_python'] == ['>=3.9']
        assert f['description_content_type'] == ['text/markdown']
    }
    assert FakeIndex.fieldMap(uploads[0])['filetype'] == ['bdist_wheel']
    assert FakeIndex.fieldMap(uploads[1])['filetype'] == ['sdist']
    assert log.indexOf("Uploaded ${wheel}") > check
    // The declared publisher was checked against the token (no "not declared" warning) and one token minted.
    assert !log.contains('Trusted publisher not declared')
    assert index.tokenRequests() == 1
    assert index.mintRequests() == 1

    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'python-build/target/pypi-publish/report.json'))
    assert report.status == 'published'
    assert report.files*.outcome == ['uploaded', 'uploaded']
    def summary = new File(basedir, 'python-build/target/step-summary.md').text
    assert summary.contains('Published hello-build 0.1.0')

    def withoutMasks = log.readLines().findAll { !it.startsWith('::add-mask::') }.join('\n')
    [FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken()].each { assert !withoutMasks.contains(it) }
} finally {
    index.stop()
}
true
