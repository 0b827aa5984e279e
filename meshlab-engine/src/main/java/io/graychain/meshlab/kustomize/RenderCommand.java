package io.graychain.meshlab.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code render [folder]}: a kustomization built as the lab builds it, the YAML {@code kubectl kustomize} prints. */
@Command(name = "render", mixinStandardHelpOptions = true,
		description = "Print a kustomization as the lab builds it: the same YAML as kubectl kustomize, no kubectl needed.")
public final class RenderCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FOLDER", arity = "0..1", defaultValue = "${env:GRAYCHAIN_OVERLAY:-k8s/overlays/v2}",
			description = "the kustomization folder, relative to this folder if it is there, else to --repo [GRAYCHAIN_OVERLAY, default: ${DEFAULT-VALUE}]")
	String folder;

	@Option(names = "--repo", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_REPO:-.}",
			description = "the repository root [GRAYCHAIN_REPO, default: .; the scripts set it]")
	Path repo;

	/** Exit 1 with kustomize's reason when the build fails. */
	@Override
	public Integer call() {
		Path given = Path.of(folder);
		Path dir = given.isAbsolute() || Files.isDirectory(given) ? given : repo.resolve(given);
		System.out.print(new Kustomizer().renderYaml(dir));
		return 0;
	}

}
