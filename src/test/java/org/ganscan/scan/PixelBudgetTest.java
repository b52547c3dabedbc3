package org.ganscan.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ganscan.image.ImageException;
import org.junit.jupiter.api.Test;

/** The pixels decoded at once across workers stay within the budget; an image larger than all of it is refused. */
class PixelBudgetTest {
  @Test
  void aSecondImageWaitsUntilTheFirstGivesItsPixelsBack() throws Exception {
    PixelBudget budget = new PixelBudget(100_000_000L);
    PixelBudget.Hold first = budget.take(70_000_000L);
    CompletableFuture<PixelBudget.Hold> second = CompletableFuture.supplyAsync(() -> {
      try {
        return budget.take(60_000_000L);
      } catch (ImageException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(300);
    assertFalse(second.isDone(), "70 + 60 megapixels exceed the budget of 100: the second must wait");
    first.close();
    second.get(5, TimeUnit.SECONDS).close();
    assertTrue(second.isDone());
  }

  @Test
  void anImageLargerThanTheWholeBudgetIsRefusedWithWhatItNeeds() {
    PixelBudget budget = new PixelBudget(50_000_000L);
    ImageException e = assertThrows(ImageException.class, () -> budget.take(400_000_000L));
    assertTrue(e.getMessage().contains("400.0 megapixels need about 6.4 GB"), e.getMessage());
  }
}
