package app.previsit.testing;

/**
 * The entry point of a {@link ChildService} JVM: {@code app.previsit.Main}, plus a watch on the
 * parent (the test JVM). When the parent dies in any way, even kill -9 or a surefire timeout that
 * no shutdown hook survives, the child halts at once instead of serving on as an orphan.
 */
public final class ChildMain {
  /** Exit status of a child that halted because its parent went away. */
  static final int PARENT_GONE = 3;

  private ChildMain() {}

  public static void main(String[] args) {
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(PARENT_GONE)));
    app.previsit.Main.main(args);
  }
}
