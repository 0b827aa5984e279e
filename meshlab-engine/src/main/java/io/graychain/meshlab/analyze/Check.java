package io.graychain.meshlab.analyze;

import java.util.List;

import io.graychain.meshlab.mesh.MeshConfig;

/** One kind of analysis over a whole configuration. */
interface Check {

	List<Finding> check(MeshConfig config);

}
