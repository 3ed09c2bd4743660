import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import io.github.yogs0ddhoth.pypi.testing.TestDistributions

context.put('index', FakeIndex.start(wiremockPort as int))
TestDistributions.wheel(new File(basedir, 'module-a/target').toPath(), SampleRelease.WHEEL, SampleRelease.METADATA)
TestDistributions.sdist(new File(basedir, 'module-b/target').toPath(), SampleRelease.SDIST, 'demo_pkg-1.0.0',
        SampleRelease.METADATA)
true
