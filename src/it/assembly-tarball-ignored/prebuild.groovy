import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

// A fake GitHub token endpoint and a fake PyPI on the port the outer build reserved.
context.put('index', FakeIndex.start(wiremockPort as int))
import io.github.yogs0ddhoth.pypi.testing.TestDistributions

def target = new File(basedir, 'target').toPath()
SampleRelease.wheel(target)
TestDistributions.tarball(target, 'demo-app-1.0.0-bin.tar.gz', ['demo-app-1.0.0/bin/demo': 'echo hi'.bytes])
true
