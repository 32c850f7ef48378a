package io.grapholap.engine.gpu;

import jcuda.Pointer;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;

/** {@link VectorOps} through cuBLAS (JCublas2), results returned to host memory. */
final class CublasVectorOps implements VectorOps {

    private final cublasHandle handle = new cublasHandle();

    CublasVectorOps() {
        JCublas2.setExceptionsEnabled(true);
        JCublas2.cublasCreate(handle);
    }

    @Override
    public String backend() {
        return "cublas";
    }

    @Override
    public void axpy(int n, double a, DeviceBuffer x, DeviceBuffer y) {
        JCublas2.cublasDaxpy(handle, n, Pointer.to(new double[] {a}), x.ptr, 1, y.ptr, 1);
    }

    @Override
    public double dot(int n, DeviceBuffer x, DeviceBuffer y) {
        double[] r = new double[1];
        JCublas2.cublasDdot(handle, n, x.ptr, 1, y.ptr, 1, Pointer.to(r));
        return r[0];
    }

    @Override
    public double asum(int n, DeviceBuffer x) {
        double[] r = new double[1];
        JCublas2.cublasDasum(handle, n, x.ptr, 1, Pointer.to(r));
        return r[0];
    }

    @Override
    public void axpyF(int n, float a, DeviceBuffer x, DeviceBuffer y) {
        JCublas2.cublasSaxpy(handle, n, Pointer.to(new float[] {a}), x.ptr, 1, y.ptr, 1);
    }

    @Override
    public double dotF(int n, DeviceBuffer x, DeviceBuffer y) {
        float[] r = new float[1];
        JCublas2.cublasSdot(handle, n, x.ptr, 1, y.ptr, 1, Pointer.to(r));
        return r[0];
    }

    @Override
    public double asumF(int n, DeviceBuffer x) {
        float[] r = new float[1];
        JCublas2.cublasSasum(handle, n, x.ptr, 1, Pointer.to(r));
        return r[0];
    }

    @Override
    public void close() {
        JCublas2.cublasDestroy(handle);
    }
}
