import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

context.put('index', FakeIndex.start(wiremockPort as int))
SampleRelease.write(new File(basedir, 'target').toPath())
true
