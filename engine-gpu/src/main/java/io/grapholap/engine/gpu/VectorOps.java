package io.grapholap.engine.gpu;

/**
 * Dense vector steps on device vectors of length {@code n}: {@code y = a*x + y}, {@code x.y} and
 * {@code sum |x|}, in fp64 and fp32. Backed by cuBLAS where {@code libcublas.so.12} loads, otherwise
 * by the reduction kernels in {@code vector.cu}; {@link #backend()} says which. Must run inside
 * {@link CudaDevice#call}.
 */
interface VectorOps extends AutoCloseable {

    /** {@code "cublas"} or {@code "kernels"}, with the reason cuBLAS was not used in the latter case. */
    String backend();

    void axpy(int n, double a, DeviceBuffer x, DeviceBuffer y);

    double dot(int n, DeviceBuffer x, DeviceBuffer y);

    double asum(int n, DeviceBuffer x);

    void axpyF(int n, float a, DeviceBuffer x, DeviceBuffer y);

    double dotF(int n, DeviceBuffer x, DeviceBuffer y);

    double asumF(int n, DeviceBuffer x);

    @Override
    void close();

    /** cuBLAS when it loads and creates a handle, otherwise our kernels. Runs with the context current. */
    static VectorOps open(CudaDevice device) {
        try {
            return new CublasVectorOps();
        } catch (LinkageError e) {
            return new KernelVectorOps(device, "cuBLAS not loadable: " + CudaProbe.loaderReason(e));
        } catch (RuntimeException e) {
            return new KernelVectorOps(device, "cuBLAS handle failed: " + e.getMessage());
        }
    }
}
