package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.SpyStubs;
import dev.baton.ledger.LedgerRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The ledger's cost: the same Baton models and code, once with ledger recording and once with
 * every ledger statement switched off (a benchmark-only switch: the repository answers without
 * touching the database). Target: time per campaign with the ledger ≤ 1.10× without.
 */
class LedgerOverheadBenchmark extends GateThroughputBenchmark {

    static final double TARGET = 1.10;

    @MockitoSpyBean
    LedgerRepository ledger;

    private volatile boolean ledgerOn = true;

    @Override
    String resultName() {
        return "ledger-overhead";
    }

    @Override
    void batonAgainstBareCamunda() {
        // this class measures the ledger only
    }

    @Test
    void ledgerOnAgainstOff() throws Exception {
        installSwitch();
        run(1, 3, false);
        BenchResults results = new BenchResults(resultName()).context("threads", 1)
                .context("campaignsPerThread", campaignsPerThread()).context("rounds", rounds());
        double[] on = new double[rounds()];
        double[] off = new double[rounds()];
        for (int r = 0; r < rounds(); r++) {
            ledgerOn = false;
            off[r] = 5_000 / run(1, campaignsPerThread(), false).completionsPerSecond(); // ms per campaign
            ledgerOn = true;
            on[r] = 5_000 / run(1, campaignsPerThread(), false).completionsPerSecond();
        }
        double ratio = BenchResults.median(on) / BenchResults.median(off);
        results.add("time per campaign, ledger off", BenchResults.median(off), "ms");
        results.add("time per campaign, ledger on", BenchResults.median(on), "ms");
        results.add("ledger on / off", ratio, "x", "<= " + TARGET, ratio <= TARGET);
        results.write();
        assertThat(results.figures()).allSatisfy(f -> assertThat(f.value()).isPositive());
    }

    /** Every public repository method: the real one while the ledger is on, a neutral answer while off. */
    private void installSwitch() {
        SpyStubs.answerAll(ledger, this::answer);
    }

    private Object answer(InvocationOnMock invocation) throws Throwable {
        if (ledgerOn) {
            return invocation.callRealMethod();
        }
        Class<?> type = invocation.getMethod().getReturnType();
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 1 : (Object) 1L; // "one row changed", as the callers expect
        } else if (type == boolean.class) {
            return false;
        } else if (type == Optional.class) {
            return Optional.empty();
        } else if (List.class.isAssignableFrom(type)) {
            return List.of();
        }
        return Mockito.RETURNS_DEFAULTS.answer(invocation);
    }
}
