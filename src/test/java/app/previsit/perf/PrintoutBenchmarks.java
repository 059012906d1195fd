package app.previsit.perf;

import app.previsit.printout.PrintedPages;
import app.previsit.printout.PrintoutReader;
import app.previsit.printout.PrintoutReading;
import app.previsit.printout.PrintoutRefused;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a printout on one thread (one OCR worker), after warm-up: a phone photo of a printed page (A4 at
 * ~150 dpi, tilted, lit from one side, JPEG), a 12-megapixel photo of the same page (decoded subsampled and
 * downscaled before recognition), and a PDF saved from a browser (its text layer, no OCR). Run:
 * {@code taskset -c 0 java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main PrintoutBenchmarks}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
public class PrintoutBenchmarks {
  private PrintoutReader reader;
  private byte[] pagePhoto;
  private byte[] twelveMegapixels;
  private byte[] browserPdf;

  @Setup
  public void setUp() throws Exception {
    reader = new PrintoutReader();
    pagePhoto = PrintedPages.sciaticaPhoto();
    twelveMegapixels = PrintedPages.jpeg(PrintedPages.photographed(
        PrintedPages.sheet(PrintedPages.NHS_SCIATICA, 3000, 3800), 1.0, true, false), 0.85f);
    browserPdf = PrintedPages.pdfWithText(PrintedPages.NHS_SCIATICA);
  }

  @Benchmark
  public PrintoutReading pagePhoto() throws PrintoutRefused {
    return reader.read(pagePhoto);
  }

  @Benchmark
  public PrintoutReading twelveMegapixelPhoto() throws PrintoutRefused {
    return reader.read(twelveMegapixels);
  }

  @Benchmark
  public PrintoutReading pdfWithText() throws PrintoutRefused {
    return reader.read(browserPdf);
  }
}
