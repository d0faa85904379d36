import { formatTime } from './Facts';

// The model card's structured sections (DataHub's ML model aspects) and its measured values.

export interface ModelMetric {
  name: string;
  value: number;
  step?: number | null;
  timestamp?: string | null;
  dataset?: string | null;
  slice?: string | null;
}
interface CardData {
  dataset: string;
  motivation?: string | null;
  preProcessing: string[];
}
type Factors = { groups: string[]; instrumentation: string[]; environment: string[] };

export interface CardFields {
  /** Model.metrics, aliased: a run's metrics (text values) share the name in the same selection. */
  modelMetrics?: ModelMetric[];
  factorPrompts?: { relevantFactors: Factors[]; evaluationFactors: Factors[] } | null;
  metricsDescription?: { performanceMeasures: string[]; decisionThreshold: string[]; variationApproaches: string[] } | null;
  trainingData?: CardData[];
  evaluationData?: CardData[];
  quantitativeAnalyses?: { unitaryResults?: string | null; intersectionalResults?: string | null } | null;
  ethics?: { data: string[]; humanLife: string[]; mitigations: string[]; risksAndHarms: string[]; useCases: string[] } | null;
  caveatsAndRecommendations?: {
    caveats?: { caveatDescription?: string | null; needsFurtherTesting?: boolean | null; groupsNotRepresented: string[] } | null;
    recommendations?: string | null;
    idealDatasetCharacteristics: string[];
  } | null;
  /** Free text kept by older clients (deprecated fields), shown when the structured section is empty. */
  ethicalConsiderations?: string | null;
  caveats?: string | null;
}

export function List({ title, items }: { title: string; items: string[] | undefined }) {
  return (
    <div>
      <h4>{title}</h4>
      {items?.length ? <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul> : <p className="muted">Not documented.</p>}
    </div>
  );
}

function Text({ title, text }: { title: string; text: string | null | undefined }) {
  return text ? <p><strong>{title}:</strong> {text}</p> : null;
}

/** The dataset's name from its URN (`urn:li:dataset:(platform,name,env)`), or the URN itself. */
function datasetName(urn: string): string {
  return /^urn:li:dataset:\(urn:li:dataPlatform:[^,]+,(.+),[A-Z_]+\)$/.exec(urn)?.[1] ?? urn;
}

/**
 * A measured value without binary floating-point noise (0.8200000000000001 shows as 0.82): twelve
 * significant digits, the value as stored in the cell's title.
 */
export function measured(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : String(value);
}

/** The model's measured values: one row per value, as written. */
export function MetricsTable({ metrics }: { metrics: ModelMetric[] | undefined }) {
  if (!metrics?.length) return null;
  return (
    <section className="card-section">
      <h3>Metrics</h3>
      <table className="list" data-testid="model-metrics">
        <thead><tr><th>Metric</th><th>Value</th><th>Step</th><th>Dataset</th><th>Slice</th><th>Measured</th></tr></thead>
        <tbody>
          {metrics.map((m, i) => (
            <tr key={i}>
              <th>{m.name}</th>
              <td title={String(m.value)}>{measured(m.value)}</td>
              <td>{m.step ?? ''}</td>
              <td title={m.dataset ?? undefined}>{m.dataset ? datasetName(m.dataset) : ''}</td>
              <td>{m.slice ?? ''}</td>
              <td>{m.timestamp ? formatTime(m.timestamp) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DataSection({ title, data }: { title: string; data: CardData[] | undefined }) {
  if (!data?.length) return null;
  return (
    <section className="card-section">
      <h3>{title}</h3>
      {data.map((d) => (
        <div key={d.dataset}>
          <h4 title={d.dataset}>{datasetName(d.dataset)}</h4>
          <Text title="Motivation" text={d.motivation} />
          {d.preProcessing.length ? <ul>{d.preProcessing.map((p) => <li key={p}>{p}</li>)}</ul> : null}
        </div>
      ))}
    </section>
  );
}

/** Factors, how the model is measured, data, results, ethics and caveats: each section when documented. */
export function CardSections({ m }: { m: CardFields }) {
  const factors = (list: Factors[] | undefined) => (list ?? []).flatMap((f) => [...f.groups, ...f.instrumentation, ...f.environment]);
  const caveats = m.caveatsAndRecommendations;
  return (
    <>
      {m.factorPrompts && (
        <section className="card-section">
          <h3>Factors</h3>
          <div className="columns">
            <List title="Relevant factors" items={factors(m.factorPrompts.relevantFactors)} />
            <List title="Evaluation factors" items={factors(m.factorPrompts.evaluationFactors)} />
          </div>
        </section>
      )}
      {m.metricsDescription && (
        <section className="card-section">
          <h3>How it is measured</h3>
          <div className="columns">
            <List title="Performance measures" items={m.metricsDescription.performanceMeasures} />
            <List title="Decision thresholds" items={m.metricsDescription.decisionThreshold} />
            <List title="Variation approaches" items={m.metricsDescription.variationApproaches} />
          </div>
        </section>
      )}
      <DataSection title="Training data" data={m.trainingData} />
      <DataSection title="Evaluation data" data={m.evaluationData} />
      {m.quantitativeAnalyses && (
        <section className="card-section">
          <h3>Quantitative analyses</h3>
          <Text title="Unitary results" text={m.quantitativeAnalyses.unitaryResults} />
          <Text title="Intersectional results" text={m.quantitativeAnalyses.intersectionalResults} />
        </section>
      )}
      <section className="card-section">
        <h3>Ethical considerations</h3>
        {m.ethics ? (
          <div className="columns">
            <List title="Sensitive data" items={m.ethics.data} />
            <List title="Human life" items={m.ethics.humanLife} />
            <List title="Mitigations" items={m.ethics.mitigations} />
            <List title="Risks and harms" items={m.ethics.risksAndHarms} />
            <List title="Fraught use cases" items={m.ethics.useCases} />
          </div>
        ) : m.ethicalConsiderations ? (
          <p className="prose">{m.ethicalConsiderations}</p>
        ) : (
          <p className="muted">Not documented.</p>
        )}
      </section>
      <section className="card-section">
        <h3>Caveats and recommendations</h3>
        {caveats ? (
          <>
            <Text title="Caveat" text={caveats.caveats?.caveatDescription} />
            {caveats.caveats?.needsFurtherTesting ? <p>Needs further testing.</p> : null}
            {caveats.caveats?.groupsNotRepresented.length ? <List title="Groups not represented" items={caveats.caveats.groupsNotRepresented} /> : null}
            <Text title="Recommendations" text={caveats.recommendations} />
            {caveats.idealDatasetCharacteristics.length ? <List title="Ideal evaluation data" items={caveats.idealDatasetCharacteristics} /> : null}
          </>
        ) : m.caveats ? (
          <p className="prose">{m.caveats}</p>
        ) : (
          <p className="muted">Not documented.</p>
        )}
      </section>
    </>
  );
}
