package io.grapholap.engine.gpu;

/**
 * {@link VectorOps} through the kernels of {@code vector.cu}: reductions leave one partial sum per
 * block, which the host adds up in block order.
 */
final class KernelVectorOps implements VectorOps {

    private final CudaDevice device;
    private final String why;

    KernelVectorOps(CudaDevice device, String why) {
        this.device = device;
        this.why = why;
    }

    @Override
    public String backend() {
        return "kernels (" + why + ")";
    }

    @Override
    public void axpy(int n, double a, DeviceBuffer x, DeviceBuffer y) {
        device.launch("vec_axpy_f64", n, n, a, x, y);
    }

    @Override
    public double dot(int n, DeviceBuffer x, DeviceBuffer y) {
        return reduce("vec_dot_f64", n, x, y);
    }

    @Override
    public double asum(int n, DeviceBuffer x) {
        return reduce("vec_asum_f64", n, x, null);
    }

    @Override
    public void axpyF(int n, float a, DeviceBuffer x, DeviceBuffer y) {
        device.launch("vec_axpy_f32", n, n, a, x, y);
    }

    @Override
    public double dotF(int n, DeviceBuffer x, DeviceBuffer y) {
        return reduce("vec_dot_f32", n, x, y);
    }

    @Override
    public double asumF(int n, DeviceBuffer x) {
        return reduce("vec_asum_f32", n, x, null);
    }

    private double reduce(String kernel, int n, DeviceBuffer x, DeviceBuffer y) {
        if (n == 0) {
            return 0.0;
        }
        int blocks = (n + CudaDevice.BLOCK - 1) / CudaDevice.BLOCK;
        DeviceBuffer partial = device.alloc(8L * blocks, "reduction partials");
        try {
            if (y == null) {
                device.launch(kernel, n, n, x, partial);
            } else {
                device.launch(kernel, n, n, x, y, partial);
            }
            double[] sums = new double[blocks];
            device.download(partial, sums);
            double total = 0.0;
            for (double s : sums) {
                total += s;
            }
            return total;
        } finally {
            device.free(partial);
        }
    }

    @Override
    public void close() {
    }
}
