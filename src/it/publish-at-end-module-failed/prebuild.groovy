import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import io.github.yogs0ddhoth.pypi.testing.TestDistributions

context.put('index', FakeIndex.start(wiremockPort as int))
SampleRelease.wheel(new File(basedir, 'module-a/target').toPath())
SampleRelease.sdist(new File(basedir, 'module-b/target').toPath())
true
