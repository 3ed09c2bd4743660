import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = FakeIndex.start(wiremockPort as int)
index.stored().store('demo_pkg', SampleRelease.WHEEL, 'f' * 64)
context.put('index', index)
SampleRelease.write(new File(basedir, 'target').toPath())
true
