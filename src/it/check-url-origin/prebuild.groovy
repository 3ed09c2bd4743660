import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import io.github.yogs0ddhoth.pypi.testing.StoredFiles

def index = FakeIndex.start(wiremockPort as int)
def target = new File(basedir, 'target').toPath()
SampleRelease.write(target)
index.stored().store('demo_pkg', SampleRelease.WHEEL, StoredFiles.sha256Of(target.resolve(SampleRelease.WHEEL)))
context.put('index', index)
true
