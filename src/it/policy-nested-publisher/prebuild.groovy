import io.github.yogs0ddhoth.pypi.testing.SampleRelease

SampleRelease.write(new File(basedir, 'target').toPath())
true
