import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def log = new File(basedir, 'build.log').text
assert log.contains("${SampleRelease.WHEEL}: PASSED")
assert log.contains("${SampleRelease.SDIST}: PASSED")
assert log.contains('BUILD SUCCESS')
true
