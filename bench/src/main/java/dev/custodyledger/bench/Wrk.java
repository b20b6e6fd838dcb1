package dev.custodyledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk, 2 threads and 32 connections, driven by a Lua request script: requests/s, NaN when wrk is absent. */
final class Wrk {
    private Wrk() {}

    static double requestsPerSecond(String base, String luaScript, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(script, luaScript);
        Process wrk;
        try {
            wrk = new ProcessBuilder(
                            "wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", "-s", script.toString(), base)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            System.out.println("wrk is not installed (apt-get install wrk): a saturation figure is not measured");
            return Double.NaN;
        }
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        if (out.contains("Non-2xx")) {
            System.out.println("note: wrk saw non-2xx answers: " + match(out, "Non-2xx or 3xx responses: (\\d+)"));
        }
        String rate = match(out, "Requests/sec:\\s+([\\d.]+)");
        return rate.equals("?") ? Double.NaN : Double.parseDouble(rate);
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
