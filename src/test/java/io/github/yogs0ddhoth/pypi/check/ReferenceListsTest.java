package io.github.yogs0ddhoth.pypi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The shipped trove and SPDX lists are read when a question needs them, once, whatever the threads. */
class ReferenceListsTest {
    private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
    private final Function<String, List<String>> counting = name -> {
        reads.add(name);
        return ResourceLines.read(name);
    };

    @Test
    void troveClassifiersAreReadOnTheFirstQuestionOnly() throws Exception {
        TroveClassifiers classifiers = TroveClassifiers.load(counting);
        assertThat(reads).isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> classifiers.exists("Programming Language :: Python :: 3")));
            }
            for (Future<Boolean> a : answers) {
                assertThat(a.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(classifiers.exists("Not :: A :: Classifier")).isFalse();
        assertThat(reads).containsExactly("trove-classifiers.txt", "trove-classifiers-deprecated.txt");
    }

    @Test
    void spdxListsAreReadOnTheFirstExpressionOnly() {
        LicenseExpression licenses = LicenseExpression.load(counting);
        assertThat(reads).isEmpty();

        assertThat(licenses.problem("MIT OR Apache-2.0")).isEmpty();
        assertThat(licenses.problem("Not-A-License")).isPresent();
        assertThat(reads).containsExactly("spdx-licenses.txt", "spdx-exceptions.txt");
    }

    @Test
    void aValidatorReadsNoListForMetadataWithoutClassifiersOrLicenseExpression() throws Exception {
        MetadataRules rules = new MetadataRules(TroveClassifiers.load(counting), LicenseExpression.load(counting));
        rules.check(java.nio.file.Path.of("demo-1.0-py3-none-any.whl"), "METADATA",
                io.github.yogs0ddhoth.pypi.distribution.CoreMetadata.parse(("Metadata-Version: 2.1\nName: demo\n"
                        + "Version: 1.0\nSummary: A demo\nLicense: MIT\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(reads).isEmpty();
    }
}
