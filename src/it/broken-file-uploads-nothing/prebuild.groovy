import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

context.put('index', FakeIndex.start(wiremockPort as int))
def target = new File(basedir, 'target')
SampleRelease.write(target.toPath())
// A second wheel of the same release, cut short as by a full disk.
def good = new File(target, SampleRelease.WHEEL).bytes
new File(target, 'demo_pkg-1.0.0-cp312-cp312-manylinux_2_17_x86_64.whl').bytes = Arrays.copyOf(good, good.length.intdiv(2))
true
