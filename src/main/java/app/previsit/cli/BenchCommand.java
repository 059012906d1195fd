package app.previsit.cli;

import app.previsit.bench.BenchRun;
import java.util.List;
import java.util.Set;

/** {@code bench --conversations N --seconds S [--redis-url URL]}: the load benchmark. */
public final class BenchCommand implements Command {
  @Override
  public int run(List<String> argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--conversations", "--seconds", "--redis-url", "--warmup"), Set.of());
    int n = args.intValue("--conversations", 1000);
    int seconds = args.intValue("--seconds", 30);
    // The JIT needs about ten seconds of this load before the figures settle (2-3x lower before).
    int warmup = args.intValue("--warmup", Math.min(10, Math.max(2, seconds)));
    if (n < 1 || seconds < 1) throw new UsageException("--conversations and --seconds must be positive");
    System.out.println(BenchRun.run(n, seconds, warmup, args.get("--redis-url", null)));
    return 0;
  }

  @Override
  public String usage() {
    return """
        usage: bench --conversations N --seconds S [--redis-url URL] [--warmup W]
          Starts Previsit in-process on a free loopback port (Redis when --redis-url is given, else
          memory), creates N invitations and drives N concurrent simulated patients through the patient
          chat HTTP API for S seconds (after W seconds of warm-up). Last line:
          bench: turns_per_sec=… p50_ms=… p99_ms=… conversations=N errors=… redis_bytes_per_session=…""";
  }
}
