package io.github.yogs0ddhoth.pypi.check;

import java.util.function.Supplier;

/** A value made on the first {@link #get()}, by whichever thread asks first, and kept. */
final class Once<T> implements Supplier<T> {
    private Supplier<? extends T> make;
    private T value;

    Once(Supplier<? extends T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (make != null) {
            value = make.get();
            make = null;
        }
        return value;
    }
}
