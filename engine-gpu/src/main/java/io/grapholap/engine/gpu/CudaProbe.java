package io.grapholap.engine.gpu;

import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Finds out, once per JVM, whether the CUDA driver and a device can be used. Never throws and never
 * takes the JVM down: on a machine without the driver the first touch of {@link JCudaDriver} fails
 * to load its native library ({@code libcuda.so.1} missing), which surfaces as a
 * {@link LinkageError} and becomes the "unavailable" reason.
 */
public final class CudaProbe {

    private static volatile CudaAvailability result;

    private CudaProbe() {
    }

    public static CudaAvailability availability() {
        CudaAvailability r = result;
        if (r == null) {
            synchronized (CudaProbe.class) {
                r = result;
                if (r == null) {
                    r = probe();
                    result = r;
                }
            }
        }
        return r;
    }

    private static CudaAvailability probe() {
        ensureAbsoluteTmpDir();
        try {
            JCudaDriver.setExceptionsEnabled(true);
            JCudaDriver.cuInit(0);
            int[] count = new int[1];
            JCudaDriver.cuDeviceGetCount(count);
            if (count[0] == 0) {
                return CudaAvailability.unavailable("the CUDA driver found no device");
            }
            CUdevice device = new CUdevice();
            JCudaDriver.cuDeviceGet(device, 0);
            byte[] name = new byte[256];
            JCudaDriver.cuDeviceGetName(name, name.length, device);
            long[] total = new long[1];
            JCudaDriver.cuDeviceTotalMem(total, device);
            int[] major = new int[1];
            int[] minor = new int[1];
            JCudaDriver.cuDeviceGetAttribute(major, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
            JCudaDriver.cuDeviceGetAttribute(minor, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
            int[] driver = new int[1];
            JCudaDriver.cuDriverGetVersion(driver);
            if (major[0] < 8) {
                return CudaAvailability.unavailable("device " + cString(name) + " has compute capability " + major[0]
                        + "." + minor[0] + "; the shipped PTX needs 8.0 or newer");
            }
            return new CudaAvailability(true, null, cString(name), total[0], major[0] + "." + minor[0], driver[0], count[0]);
        } catch (LinkageError e) {
            return CudaAvailability.unavailable("CUDA driver not loadable: " + loaderReason(e));
        } catch (RuntimeException e) {
            return CudaAvailability.unavailable("CUDA driver error: " + e.getMessage());
        }
    }

    /**
     * JCuda extracts its native libraries into {@code java.io.tmpdir} and loads them by path, which
     * fails when that directory is relative; make it absolute first.
     */
    static void ensureAbsoluteTmpDir() {
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp == null || tmp.isBlank()) {
            System.setProperty("java.io.tmpdir", Path.of("").toAbsolutePath().toString());
        } else if (!Path.of(tmp).isAbsolute()) {
            System.setProperty("java.io.tmpdir", Path.of(tmp).toAbsolutePath().toString());
        }
    }

    /**
     * The one line of a native-library failure worth showing: JCuda's message nests both load
     * attempts; the useful part is the dynamic loader's "libX.so: cannot open shared object file".
     */
    static String loaderReason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        for (String line : message.split("\\R")) {
            int at = line.indexOf("cannot open shared object file");
            if (at >= 0) {
                String head = line.substring(0, at);
                int colon = head.lastIndexOf(": ", head.length() - 3);
                String lib = colon >= 0 ? line.substring(colon + 2) : line;
                return lib.trim() + " (" + e.getClass().getSimpleName() + ")";
            }
        }
        String first = message.lines().findFirst().orElse(e.getClass().getName());
        return first + " (" + e.getClass().getSimpleName() + ")";
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }
}
