println "${basedir.name} ran with Maven ${mavenVersion}"
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    def uploads = index.uploads()
    assert uploads.collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    assert FakeIndex.content(uploads[0]) == new File(basedir, "target/${SampleRelease.WHEEL}").bytes
    assert FakeIndex.content(uploads[1]) == new File(basedir, "target/${SampleRelease.SDIST}").bytes
    def wheel = FakeIndex.fieldMap(uploads[0])
    assert wheel[':action'] == ['file_upload']
    assert wheel['name'] == ['demo_pkg']
    assert wheel['version'] == ['1.0.0']
    assert wheel['filetype'] == ['bdist_wheel']
    assert wheel['pyversion'] == ['py3']
    assert wheel['sha256_digest'][0] ==~ /[0-9a-f]{64}/
    assert wheel['blake2_256_digest'][0] ==~ /[0-9a-f]{64}/
    assert uploads[0].getHeader('User-Agent') ==~ /pypi-maven-plugin\/\S+ Java\/\S+/
    assert index.tokenRequests() == 1
    assert index.mintRequests() == 1
    def log = new File(basedir, 'build.log').text
    assert log.contains("Uploaded ${SampleRelease.WHEEL}")
    assert log.contains("Uploaded ${SampleRelease.SDIST}")
    // A mask works only at the very start of a line: not logged ("[INFO] "), nor captured by Maven 4 ("[stdout] ").
    assert log.readLines().contains('::add-mask::' + FakeIndex.MINTED_TOKEN)
    assert !log.contains('] ::add-mask::')
    // Maven 4 warns about the Maven 3 logger keys; the wire loggers are silenced under the key each Maven reads.
    assert !log.contains('SLF4J(W)')
    // Beyond the mask commands, no secret appears anywhere in the log.
    def withoutMasks = log.readLines().findAll { !it.startsWith('::add-mask::') }.join('\n')
    [FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken()].each { assert !withoutMasks.contains(it) }
} finally {
    index.stop()
}
true
