package io.openpmo.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Calls released at the same moment, each on its own thread, as two clients (or two nodes' clients) send them. */
public final class Race implements AutoCloseable {

  private final ExecutorService clients;

  public Race(int clients) {
    this.clients = Executors.newFixedThreadPool(clients);
  }

  /** Every call released at the same moment; their answers, in the order of the calls. */
  @SafeVarargs
  public final <T> List<T> atOnce(Callable<T>... calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> call : calls) {
      futures.add(clients.submit(() -> {
        start.await();
        return call.call();
      }));
    }
    start.countDown();
    List<T> answers = new ArrayList<>();
    for (Future<T> future : futures) {
      answers.add(future.get());
    }
    return answers;
  }

  @Override
  public void close() {
    clients.shutdownNow();
  }
}
