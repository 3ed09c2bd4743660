import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import io.github.yogs0ddhoth.pypi.testing.TestDistributions

// A fake GitHub token endpoint and a fake PyPI on the port the outer build reserved.
context.put('index', FakeIndex.start(wiremockPort as int))
def target = new File(basedir, 'target').toPath()
SampleRelease.write(target)
// Anyone who can put a file under target/ chooses its name: this one would stop the runner reading commands,
// so that the ::add-mask:: lines after it are printed instead of obeyed.
TestDistributions.tarball(target, 'evil\n::stop-commands::x\n.tar.gz', ['evil/bin/demo': 'echo hi'.bytes])
true
