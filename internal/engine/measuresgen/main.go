// Command measuresgen writes the code and schema derived from the declaration of the measured
// values, engine.Measures: run it with `go generate ./internal/engine` (or `make generate`,
// which then runs gqlgen on the schema it wrote). It rewrites, relative to the module root:
//
//	internal/engine/measures_gen.go   the Go names of measures and reasons, and their counts
//	graph/schema/measures.graphqls    enum MeasuredValue, enum ReasonCode, input MeasuredValuesInput
//	graph/measures_gen.go             the assessment input mapped to engine.Values
//	models/measures_gen.go            the decisions row's measured-value columns
//	internal/store/measures_gen.go    those columns mapped to and from engine.Values
//	ui/src/lib/measures.gen.ts        the threshold editor's table: kind, step and bounds
//
// It reads only the declaration's exported fields, so it runs even when the files it writes
// are stale (a value was just added).
package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"

	"github.com/99designs/gqlgen/codegen/templates"

	"riskconsole/internal/engine"
)

// measure is one declaration with the names the outputs use.
type measure struct {
	engine.MeasureInfo
	Index      int
	ReasonNum  int    // the Reason's number: Index + 1
	GoName     string // engine's constant and the models field, e.g. RecentPlans30d
	GQLGoName  string // gqlgen's field of MeasuredValuesInput
	ReasonName string // engine's reason constant, e.g. CreditScoreInsufficient
	Kind       string // Unit.String()
	MinJS      string
	MaxJS      string
	StepJS     string
	CutoffJS   string
	PassingJS  string
	// ValueDoc describes the measured value: Doc, then the unit and bounds.
	ValueDoc string
	// ReasonDoc describes the reason: the rule on the value failed.
	ReasonDoc string
}

type data struct {
	N        int
	Measures []measure
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("measuresgen: ")
	root, err := moduleRoot()
	if err != nil {
		log.Fatal(err)
	}
	d := load()
	for _, f := range files {
		out, err := render(f, d)
		if err != nil {
			log.Fatalf("%s: %v", f.path, err)
		}
		path := filepath.Join(root, filepath.FromSlash(f.path))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, out) {
			continue
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// load checks the declaration and names its measures.
func load() data {
	d := data{N: len(engine.Measures)}
	seen := map[string]bool{}
	for i := range engine.Measures {
		info := engine.Measures[i] // the engine's init has filled the derived fields
		for _, name := range []string{"key " + info.Key, "reason " + info.ReasonCode} {
			if seen[name] {
				log.Fatalf("%s is declared twice", name)
			}
			seen[name] = true
		}
		if info.Key == "" || info.ReasonCode == "" || info.Step <= 0 || info.Scale <= 0 || info.Min > info.Max {
			log.Fatalf("measure %d (%q): Key, ReasonCode, Step > 0, Scale > 0 and Min <= Max are required", i, info.Key)
		}
		if err := checkDoc(info.Doc); err != nil {
			log.Fatalf("measure %d (%q): Doc %v", i, info.Key, err)
		}
		d.Measures = append(d.Measures, measure{
			MeasureInfo: info,
			Index:       i,
			ReasonNum:   i + 1,
			GoName:      engine.CamelCase(info.Key, true),
			GQLGoName:   templates.ToGo(info.Field),
			ReasonName:  engine.CamelCase(info.ReasonCode, true),
			Kind:        info.Unit.String(),
			MinJS:       js(info.Min),
			MaxJS:       js(info.Max),
			StepJS:      js(info.Step),
			CutoffJS:    js(info.Cutoff),
			PassingJS:   js(info.Passing()),
			ValueDoc:    info.Doc + " " + unitDoc(info),
			ReasonDoc: fmt.Sprintf("The measured value %s did not meet the rule of the threshold set in force (%s).",
				info.Enum, factorDoc(info.Factor)),
		})
	}
	return d
}

func js(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// checkDoc requires a measure's Doc: one line of text ending with a full stop, which a GraphQL
// string and a Go comment can hold as it is.
func checkDoc(doc string) error {
	switch {
	case strings.TrimSpace(doc) == "":
		return errors.New("is required: what the value is and where it comes from")
	case doc != strings.TrimSpace(doc) || !strings.HasSuffix(doc, "."):
		return fmt.Errorf("%q must be trimmed and end with a full stop", doc)
	case strings.ContainsAny(doc, "\"\\\n\r\t"):
		return fmt.Errorf("%q must be one line without double quotes or backslashes", doc)
	}
	return nil
}

// unitDoc describes a measure's unit and bounds, e.g. "A score, 300 to 850."
func unitDoc(m engine.MeasureInfo) string {
	lo, hi := number(m.Min), number(m.Max)
	switch m.Unit {
	case engine.UnitScore:
		return fmt.Sprintf("A score, %s to %s.", lo, hi)
	case engine.UnitMoney:
		return fmt.Sprintf("An amount in the market's currency, %s to %s.", lo, hi)
	case engine.UnitFlag:
		return fmt.Sprintf("A flag, %s (no) or %s (yes).", lo, hi)
	case engine.UnitMonths:
		return fmt.Sprintf("A whole number of months, %s to %s.", lo, hi)
	case engine.UnitYears:
		return fmt.Sprintf("A whole number of years, %s to %s.", lo, hi)
	case engine.UnitCount:
		return fmt.Sprintf("A whole number, %s to %s.", lo, hi)
	case engine.UnitRatio:
		return fmt.Sprintf("A ratio, %s to %s.", lo, hi)
	}
	log.Fatalf("unit %d has no description", m.Unit)
	return ""
}

// number writes x with thousands separators: 10000000 as "10,000,000", -0.5 as "-0.5".
func number(x float64) string {
	s := js(x)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// factorDoc names a factor in lower case, e.g. "credit score" for CREDIT_SCORE.
func factorDoc(f engine.Factor) string {
	return strings.ToLower(strings.ReplaceAll(f.String(), "_", " "))
}

// moduleRoot is the nearest directory above the working directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

type file struct {
	path  string
	tmpl  string
	gofmt bool
}

func render(f file, d data) ([]byte, error) {
	t, err := template.New(f.path).Parse(f.tmpl)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return nil, err
	}
	if !f.gofmt {
		return b.Bytes(), nil
	}
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%w\n%s", err, b.Bytes())
	}
	return out, nil
}

const goHeader = "// Code generated by go generate ./internal/engine (internal/engine/measuresgen) from\n" +
	"// engine.Measures in internal/engine/measures.go. DO NOT EDIT.\n\n"

var files = []file{
	{path: "internal/engine/measures_gen.go", gofmt: true, tmpl: goHeader + `package engine

// NumMeasures is the number of measured values per assessment: len(Measures).
const NumMeasures = {{.N}}

// NumReasons is the number of reason codes, NoReason excluded: one per measured value.
const NumReasons = {{.N}}

// The measured values, by their positions in Measures.
const (
{{- range .Measures}}
	{{.GoName}} Measure = {{.Index}} // {{.Key}}
{{- end}}
)

// The reason codes, one per measured value, in Measure order.
const (
{{- range .Measures}}
	{{.ReasonName}} Reason = {{.ReasonNum}} // {{.ReasonCode}}
{{- end}}
)
`},
	{path: "graph/schema/measures.graphqls", tmpl: `# Generated by go generate ./internal/engine (internal/engine/measuresgen) from engine.Measures
# in internal/engine/measures.go. DO NOT EDIT.

"The {{.N}} measured values of an assessment."
enum MeasuredValue {
{{- range .Measures}}
  "{{.ValueDoc}}"
  {{.Enum}}
{{- end}}
}

"Principal-reason codes."
enum ReasonCode {
{{- range .Measures}}
  "{{.ReasonDoc}}"
  {{.ReasonCode}}
{{- end}}
}

"The {{.N}} measured values. Flags are 0 or 1; months, years and counts are whole numbers."
input MeasuredValuesInput {
{{- range .Measures}}
  "{{.ValueDoc}}"
  {{.Field}}: Float!
{{- end}}
}
`},
	{path: "graph/measures_gen.go", gofmt: true, tmpl: goHeader + `package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/engine"
)

// measuredValues maps the assessment input's measured values to engine order.
func measuredValues(v *model.MeasuredValuesInput) engine.Values {
	return engine.Values{
{{- range .Measures}}
		engine.{{.GoName}}: v.{{.GQLGoName}},
{{- end}}
	}
}
`},
	{path: "models/measures_gen.go", gofmt: true, tmpl: goHeader + `package models

// MeasuredValues are the measured-value columns of the decisions table, in the declaration's
// order. Decision embeds them.
type MeasuredValues struct {
{{- range .Measures}}
	{{.GoName}} float64 ` + "`" + `gorm:"column:{{.Key}}"` + "`" + `
{{- end}}
}
`},
	{path: "internal/store/measures_gen.go", gofmt: true, tmpl: goHeader + `package store

import (
	"riskconsole/internal/engine"
	"riskconsole/models"
)

// valuesOf returns a row's measured values in engine order.
func valuesOf(r *models.MeasuredValues) engine.Values {
	return engine.Values{
{{- range .Measures}}
		engine.{{.GoName}}: r.{{.GoName}},
{{- end}}
	}
}

// measuredRow returns v as a row's measured-value columns.
func measuredRow(v *engine.Values) models.MeasuredValues {
	return models.MeasuredValues{
{{- range .Measures}}
		{{.GoName}}: v[engine.{{.GoName}}],
{{- end}}
	}
}

// appendMeasuredTargets appends pointers to r's columns, in engine order, for a row scan.
func appendMeasuredTargets(dst []any, r *models.MeasuredValues) []any {
	return append(dst,
{{- range .Measures}}
		&r.{{.GoName}},
{{- end}}
	)
}

// appendMeasuredArgs appends r's columns, in engine order, as statement arguments.
func appendMeasuredArgs(dst []any, r *models.MeasuredValues) []any {
	return append(dst,
{{- range .Measures}}
		r.{{.GoName}},
{{- end}}
	)
}
`},
	{path: "ui/src/lib/measures.gen.ts", tmpl: `// Generated by go generate ./internal/engine (internal/engine/measuresgen) from engine.Measures
// in internal/engine/measures.go. DO NOT EDIT.

/** How a measured value is expressed. */
export type MeasureKind = 'score' | 'money' | 'flag' | 'months' | 'years' | 'count' | 'ratio';

/** A measured value as the threshold editor needs it. */
export interface MeasureInfo {
  /** The MeasuredValue enum name. */
  readonly name: string;
  /** The field of MeasuredValuesInput. */
  readonly field: string;
  readonly kind: MeasureKind;
  /** The smallest change of a cut-off the editor makes. */
  readonly step: number;
  /** Bounds of values and cut-offs (money in the market's currency, unscaled). */
  readonly min: number;
  readonly max: number;
  /** The default US rule. */
  readonly comparator: 'GTE' | 'LTE';
  readonly cutoff: number;
  readonly enabled: boolean;
  /** A value that passes every market's default rule with room to spare (engine.PassingValues). */
  readonly passing: number;
}

/** Every measured value, in MeasuredValue order. */
export const measures: readonly MeasureInfo[] = [
{{- range .Measures}}
  { name: '{{.Enum}}', field: '{{.Field}}', kind: '{{.Kind}}', step: {{.StepJS}}, min: {{.MinJS}}, max: {{.MaxJS}}, comparator: '{{.Comparator}}', cutoff: {{.CutoffJS}}, enabled: {{.Enabled}}, passing: {{.PassingJS}} },
{{- end}}
];
`},
}
