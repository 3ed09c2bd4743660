import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import io.github.yogs0ddhoth.pypi.testing.TestDistributions

def target = new File(basedir, 'target').toPath()
SampleRelease.write(target)
TestDistributions.wheel(target, 'demo_pkg-0.9.0-py3-none-any.whl', SampleRelease.METADATA.replace('Version: 1.0.0', 'Version: 0.9.0').replace('License-File: LICENSE\n', ''))
true
