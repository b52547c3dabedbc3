package org.ganscan;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a test run, one line per labelled data set that was absent: how many tests
 * were skipped for want of it, and how to point the tests at it. Registered through
 * META-INF/services, so a fresh clone without ../shared says plainly what it did not test.
 */
public final class SkippedDataReport implements TestExecutionListener {
  /** The message every skip for missing data starts with; {@link DevSet} and the train-set test use it. */
  public static final String PREFIX = "needs the labelled ";

  private final Map<String, Integer> skipped = new TreeMap<>();

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      result.getThrowable().map(Throwable::getMessage).filter(m -> m != null && m.contains(PREFIX)).ifPresent(m -> {
        String reason = m.substring(m.indexOf(PREFIX));
        skipped.merge(reason, Math.max(1, leafCount(id)), Integer::sum);
      });
    }
  }

  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  private int leafCount(TestIdentifier id) {
    if (id.isTest() || plan == null) {
      return 1;
    }
    return (int) plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    skipped.forEach((reason, n) -> System.out.println("ganscan tests: skipped " + n + " test(s), each of which " + reason));
  }
}
