import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

// A fake GitHub token endpoint and a fake PyPI on the port the outer build reserved.
context.put('index', FakeIndex.start(wiremockPort as int))
SampleRelease.write(new File(basedir, 'target').toPath())
true
