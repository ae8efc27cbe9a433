package io.perfopt.integration.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the lines of a scrape into metric families as the exposition format defines them:
 * {@code # HELP} and {@code # TYPE} declare a family, and the samples {@code x_sum},
 * {@code x_count} (and {@code x_bucket} for histograms) belong to a summary or histogram
 * family {@code x}. A sample of an undeclared name is its own untyped family. Each method
 * throws {@link IllegalArgumentException} for a line that breaks the format, which then is
 * skipped.
 */
final class FamilyAssembler {

    private static final List<String> SUFFIXES = List.of("_bucket", "_sum", "_count");

    private final Map<String, Draft> families = new LinkedHashMap<>();
    private final Set<SeriesId> seen = new HashSet<>();

    void help(String name, String help) {
        Draft draft = families.computeIfAbsent(name, Draft::new);
        if (draft.help != null) {
            throw new IllegalArgumentException("second HELP line for " + name);
        }
        draft.help = help;
    }

    void type(String name, MetricType type) {
        Draft draft = families.computeIfAbsent(name, Draft::new);
        if (draft.type != null) {
            throw new IllegalArgumentException("second TYPE line for " + name);
        }
        if (!draft.samples.isEmpty()) {
            throw new IllegalArgumentException("the TYPE line for " + name + " comes after its samples");
        }
        draft.type = type;
    }

    void add(PrometheusSample sample) {
        Draft family = familyOf(sample.name());
        checkShape(family, sample);
        if (!seen.add(sample.series())) {
            throw new IllegalArgumentException("duplicate series " + sample.series());
        }
        family.samples.add(sample);
    }

    List<MetricFamily> build() {
        return families.values().stream()
                .map(d -> new MetricFamily(d.name, d.type == null ? MetricType.UNTYPED : d.type, d.help, d.samples))
                .toList();
    }

    private Draft familyOf(String sampleName) {
        Draft exact = families.get(sampleName);
        if (exact != null) {
            return exact;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                Draft base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null && base.type != null && base.type.ownsSuffix(suffix)) {
                    return base;
                }
            }
        }
        return families.computeIfAbsent(sampleName, Draft::new);
    }

    // The labels that give a summary quantile or a histogram bucket its meaning must be there and be numbers.
    private static void checkShape(Draft family, PrometheusSample sample) {
        if (family.type == MetricType.HISTOGRAM && sample.name().equals(family.name + "_bucket")) {
            requireNumericLabel(sample, "le");
        } else if (family.type == MetricType.SUMMARY && sample.name().equals(family.name)) {
            requireNumericLabel(sample, "quantile");
        }
    }

    private static void requireNumericLabel(PrometheusSample sample, String label) {
        String value = sample.label(label);
        if (value == null) {
            throw new IllegalArgumentException(sample.series() + " lacks the label " + label);
        }
        try {
            SampleLineReader.parseValue(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("label " + label + " of " + sample.series() + " is " + e.getMessage(), e);
        }
    }

    private static final class Draft {
        final String name;
        final List<PrometheusSample> samples = new ArrayList<>();
        MetricType type;
        String help;

        Draft(String name) {
            this.name = name;
        }
    }
}
