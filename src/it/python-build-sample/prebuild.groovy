import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.PythonBuild

// The sample itself, unchanged, as the module of this IT's aggregator.
PythonBuild.copyProject(new File(sampleDirectory, 'python-build').toPath(), new File(basedir, 'python-build').toPath())

// A Python with build and hatchling>=1.27, shared by this IT's runs on every Maven.
def python = PythonBuild.interpreter(new File(buildDirectory, 'python-venv').toPath())
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
// Forward slashes: maven.config is read the same way on Windows, and Windows takes them in a path.
new File(mvn, 'maven.config').text = "-Dpython=${python.toString().replace('\\', '/')}\n-Dpython.build.options=--no-isolation\n"

context.put('index', FakeIndex.start(wiremockPort as int))
true
