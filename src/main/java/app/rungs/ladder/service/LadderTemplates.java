package app.rungs.ladder.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Built-in ladder templates, shipped as ladder-as-code YAML on the classpath. */
@Component
public class LadderTemplates {

    public record Template(String id, String name, String description, int levels, int competencies) {}

    private final LadderYaml yaml = new LadderYaml();

    public List<Template> list() {
        return resources().stream()
                .map(r -> {
                    var doc = parse(r);
                    int levels = doc.tiers().stream()
                            .mapToInt(t -> t.levels().size())
                            .sum();
                    int competencies = doc.areas() == null
                            ? 0
                            : doc.areas().stream()
                                    .mapToInt(a -> a.competencies() == null
                                            ? 0
                                            : a.competencies().size())
                                    .sum();
                    return new Template(id(r), doc.name(), doc.description(), levels, competencies);
                })
                .toList();
    }

    public LadderDocument load(String id) {
        return resources().stream()
                .filter(r -> id(r).equals(id))
                .findFirst()
                .map(this::parse)
                .orElseThrow(() -> new IllegalArgumentException("No ladder template " + id));
    }

    public static final String DISTRIBUTED_SYSTEMS = "distributed-systems";

    private LadderDocument parse(Resource resource) {
        try (var in = resource.getInputStream()) {
            return yaml.read(in.readAllBytes()).document();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(Resource resource) {
        var name = resource.getFilename();
        return name == null ? "" : name.replaceFirst("\\.ya?ml$", "");
    }

    private static List<Resource> resources() {
        try {
            return List.of(
                    new PathMatchingResourcePatternResolver().getResources("classpath*:ladder-templates/*.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
