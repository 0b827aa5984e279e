package io.graychain.meshlab.canary;

/** Sends a load through the gateway during every measured interval, then measures as {@code metrics} does. */
public final class LoadedMetrics implements CanaryMetrics {

	private final CanaryMetrics metrics;

	private final GatewayLoad load;

	public LoadedMetrics(CanaryMetrics metrics, GatewayLoad load) {
		this.metrics = metrics;
		this.load = load;
	}

	@Override
	public Measurement start() {
		GatewayLoad.Running running = load.start();
		Measurement measurement;
		try {
			measurement = metrics.start();
		}
		catch (RuntimeException ex) {
			running.stop();
			throw ex;
		}
		return new Measurement() {

			@Override
			public Figures finish() {
				try {
					return measurement.finish();
				}
				finally {
					running.stop();
				}
			}

			@Override
			public void abandon() {
				running.stop();
				measurement.abandon();
			}

		};
	}

}
