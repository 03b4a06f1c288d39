import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorBox, FieldError, Link, PageHeader, Progress, useQuery } from '../components/common';
import { useConfirm } from '../components/confirm';
import { inboxChanged } from '../components/inbox';
import { Frontier, ImpactOutcomes } from '../components/outcomes';
import { ImpactSummary, RuleDiff, RulesTable, WhatIfWarmup } from '../components/thresholds';
import { ReviewWhatIf, SimulateDoc, WhatIf, type Simulation } from '../components/whatif';
import { graphql } from '../gql';
import { ThresholdDraftStatus, type MeasuredValue, type SensitivityQuery, type ThresholdDraftQuery, type ThresholdRuleInput } from '../gql/graphql';
import { ApiError, gql } from '../lib/api';
import { formatNumber, formatRate, formatTime, humanize } from '../lib/format';
import { live } from '../lib/live';
import { currencyOf } from '../lib/outcomes';
import { isSelf, subjectName, submittedBy } from '../lib/subject';
import { axisEnds, axisFraction, axisValue, changedRules, fromPosition, isFlag, keyedCutoff, parseCutoff, proposalKey, proposalOf, sliderAxis, sliderPositions, snap, toPosition, type Axis, type EditRule } from '../lib/rules';
import { thresholdApprovers, thresholdEditors, type PageProps } from '../lib/pages';

const DraftQuery = graphql(`
  query ThresholdDraft($id: ID!) {
    thresholdDraft(id: $id) {
      id
      market
      baseVersionId
      status
      revision
      author
      rationale
      reviewer
      reviewComment
      publishedVersionId
      createdAt
      updatedAt
      submittedAt
      reviewedAt
      rules {
        ...RuleFields
      }
      impact {
        ...ImpactFields
      }
    }
  }
`);

const EditMutation = graphql(`
  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {
    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {
      id
      revision
      updatedAt
      rules {
        ...RuleFields
      }
    }
  }
`);

const SubmitMutation = graphql(`
  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {
      id
      status
    }
  }
`);

const ApproveMutation = graphql(`
  mutation ApproveThresholdDraft($id: ID!, $comment: String) {
    approveThresholdDraft(id: $id, comment: $comment) {
      id
      status
      publishedVersionId
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectThresholdDraft($id: ID!, $comment: String!) {
    rejectThresholdDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

const SensitivityQueryDoc = graphql(`
  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {
    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points, spacing: QUANTILES) {
      measuredValue
      comparator
      assessed
      declineRateWithoutRule
      proposedCutoff
      proposedRate
      points {
        ...SweepPointFields
      }
      nowPoint {
        ...SweepPointFields
      }
      proposedPoint {
        ...SweepPointFields
      }
    }
  }
`);

type Curve = SensitivityQuery['sensitivity'];

/** Points of each sensitivity curve: the measure's quantiles in 80 equal steps, the slider's axis (fewer where values repeat). */
const curvePoints = 81;

function fetchCurve(market: string, mv: MeasuredValue, proposal: ThresholdRuleInput[], signal: AbortSignal): Promise<Curve> {
  return gql(SensitivityQueryDoc, { market, measuredValue: mv, proposal, points: curvePoints }, signal).then((d) => d.sensitivity);
}

/** ThresholdDraftPage: a draft in the editor with its live what-if, or a submission under review. */
export function ThresholdDraftPage({ params, user }: PageProps) {
  const res = useQuery(DraftQuery, { id: params.id }, params.id);
  const d = res.data?.thresholdDraft;
  if (res.error) return <ErrorBox error={res.error} title="Could not load the draft" />;
  if (res.loading && !d) return <Progress label="Loading the draft…" />;
  if (!d) {
    return (
      <>
        <PageHeader title="Draft not found" />
        <p>
          No threshold draft has the id <code>{params.id}</code>. <Link href="/thresholds">Back to the thresholds</Link>
        </p>
      </>
    );
  }
  const canEdit = user.roles.some((r) => thresholdEditors.includes(r));
  const editing = d.status === ThresholdDraftStatus.Draft && canEdit;
  return (
    <>
      <PageHeader title={`${d.market} thresholds: draft ${d.id}`}>
        <Link href={`/thresholds?market=${d.market}`}>← {d.market} thresholds</Link>
      </PageHeader>
      <p>
        <span class="badge muted">{humanize(d.status)}</span> Written by {subjectName(d.author)}, started {formatTime(d.createdAt)} from{' '}
        <Link href={`/thresholds/versions/${d.baseVersionId}`}>the version it copies</Link>
        {d.submittedAt && `, submitted ${formatTime(d.submittedAt)}`}
        {d.reviewer && ` · ${d.status === ThresholdDraftStatus.Rejected ? 'rejected' : 'approved'} by ${subjectName(d.reviewer)} ${formatTime(d.reviewedAt)}`}.
      </p>
      <WhatIfWarmup />
      {editing ? (
        <Editor draft={d} onSubmitted={res.reload} />
      ) : (
        <>
          <Review draft={d} user={user} onReviewed={res.reload} />
          <ReviewWhatIf market={d.market} rules={d.rules} />
        </>
      )}
    </>
  );
}

type Draft = NonNullable<ThresholdDraftQuery['thresholdDraft']>;

/** Review shows a draft that is not being edited: its rules, the diff, the stored impact, and the review buttons. */
function Review({ draft: d, user, onReviewed }: { draft: Draft; user: PageProps['user']; onReviewed: () => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isApprover = user.roles.some((r) => thresholdApprovers.includes(r));
  const isAuthor = isSelf(d.author, user);
  const confirm = useConfirm();

  const review = async (approve: boolean) => {
    const impact = d.impact?.available ? d.impact : null;
    if (
      approve &&
      !(await confirm.ask({
        title: `Approve and publish draft ${d.id} of ${d.market}?`,
        body: (
          <>
            <p>
              You approve the rules {submittedBy(d.author)}. They become {d.market}'s next published version, which can be neither changed nor withdrawn (a later version can
              replace it).
            </p>
            <p>
              Nothing changes at checkout yet: {d.market} shoppers are assessed with it only once an approver activates it, now or at a set time, on the version's page.
              {impact &&
                ` Once active, the what-if at submission predicts a decline rate of ${formatRate(impact.declineRateProposed, 2)} instead of ${formatRate(impact.declineRateNow, 2)}: ${impact.approvedToDeclined.toLocaleString('en-US')} past purchases approved would have been declined, ${impact.declinedToApproved.toLocaleString('en-US')} declined approved.`}
            </p>
          </>
        ),
        confirm: 'Approve and publish',
      }))
    )
      return;
    setBusy(true);
    setError(null);
    try {
      if (approve) await gql(ApproveMutation, { id: d.id, comment: comment.trim() || null });
      else await gql(RejectMutation, { id: d.id, comment: comment.trim() });
      inboxChanged();
      onReviewed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="grid2">
      <div>
        <section class="panel" aria-labelledby="diff-h">
          <h2 id="diff-h">Changes from the version it copies</h2>
          <RuleDiff from={{ versionId: d.baseVersionId }} to={{ draftId: d.id }} label="Changed rules" />
        </section>
        <section class="panel" aria-labelledby="rules-h">
          <h2 id="rules-h">All rules</h2>
          <RulesTable rules={d.rules} label="Rules of the draft" />
        </section>
      </div>
      <div>
        {d.status !== ThresholdDraftStatus.Draft && (
          <section class="panel" aria-labelledby="impact-h">
            <h2 id="impact-h">Impact simulated at submission</h2>
            <ImpactSummary impact={d.impact} title="Stored impact" />
            {d.impact?.available && (
              <>
                <h3>Predicted outcomes</h3>
                <ImpactOutcomes impact={d.impact} currency={currencyOf(d.market)} />
              </>
            )}
            <h3>Rationale</h3>
            <p>{d.rationale}</p>
          </section>
        )}
        {d.status === ThresholdDraftStatus.Draft && <p class="notice">This draft is still being edited by its author.</p>}
        {d.status === ThresholdDraftStatus.Submitted && (
          <section class="panel" aria-labelledby="review-h">
            <h2 id="review-h">Review</h2>
            {!isApprover ? (
              <p>An approver reviews this submission.</p>
            ) : isAuthor ? (
              <p class="notice">You submitted this draft, so another approver must review it (maker-checker).</p>
            ) : (
              <div class="stack">
                <label>
                  Comment (required to reject)
                  <textarea name="comment" rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
                  <FieldError error={error} field="comment" />
                </label>
                <div class="toolbar">
                  <button type="button" onClick={() => review(true)} disabled={busy}>
                    Approve and publish
                  </button>
                  <button type="button" class="danger" onClick={() => review(false)} disabled={busy || comment.trim() === ''}>
                    Reject
                  </button>
                </div>
              </div>
            )}
            {error !== null && <ErrorBox error={error} title="The review was not recorded" />}
            {confirm.dialog}
          </section>
        )}
        {d.status === ThresholdDraftStatus.Approved && d.publishedVersionId && (
          <section class="panel" aria-labelledby="pub-h">
            <h2 id="pub-h">Published</h2>
            <p>
              Published, {submittedBy(d.author, d.reviewer)}
              {d.reviewComment ? ` (“${d.reviewComment}”)` : ''}.{' '}
              <Link href={`/thresholds/versions/${d.publishedVersionId}`}>Open the published version</Link> to activate it.
            </p>
          </section>
        )}
        {d.status === ThresholdDraftStatus.Rejected && (
          <section class="panel" aria-labelledby="rej-h">
            <h2 id="rej-h">Rejected</h2>
            <p>
              Rejected by {subjectName(d.reviewer)}: “{d.reviewComment}”
            </p>
          </section>
        )}
      </div>
    </div>
  );
}

function editRules(rules: readonly EditRule[]): EditRule[] {
  return rules.map((r) => ({ ...r }));
}

/** The rule index in an INVALID answer's field path, e.g. rules[3].cutoff → 3. */
function ruleErrors(error: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!(error instanceof ApiError)) return out;
  for (const f of error.fields) {
    const m = /^rules\[(\d+)\]\.?(.*)$/.exec(f.field);
    if (m) out.set(Number(m[1]), `${m[2] ? m[2] + ' ' : ''}${f.message}`);
  }
  return out;
}

/**
 * Editor: every rule with a slider and an exact number; as either moves, the what-if and the
 * moved rule's sensitivity curve follow (coalesced, stale requests aborted); the other rules'
 * curves are refreshed once the proposal settles.
 */
function Editor({ draft, onSubmitted }: { draft: Draft; onSubmitted: () => void }) {
  const market = draft.market;
  const [rules, setRules] = useState<EditRule[]>(() => editRules(draft.rules));
  const [saved, setSaved] = useState<{ rules: EditRule[]; revision: number }>(() => ({ rules: editRules(draft.rules), revision: draft.revision }));
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(draft.rules.map((r) => [r.measuredValue, String(r.cutoff)])));
  const [inputErrors, setInputErrors] = useState<Record<string, string>>({});
  const [axes, setAxes] = useState<Record<string, Axis>>({});
  const [curves, setCurves] = useState<Record<string, Curve>>({});
  const [sim, setSim] = useState<Simulation | null>(null);
  const [simError, setSimError] = useState<unknown>(null);
  const [simPending, setSimPending] = useState(true);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState('');
  const [rationale, setRationale] = useState('');
  const lastMoved = useRef<MeasuredValue | null>(null);

  const key = proposalKey(rules);
  const proposal = useMemo(() => proposalOf(rules), [key]);

  // Axes are set from each rule's first curve and then kept, so a slider does not rescale under the hand.
  const noteCurve = (c: Curve) => {
    setCurves((cs) => ({ ...cs, [c.measuredValue]: c }));
    const scale = draft.rules.find((r) => r.measuredValue === c.measuredValue)?.scale;
    setAxes((as) => (as[c.measuredValue] ? as : { ...as, [c.measuredValue]: sliderAxis(c.measuredValue, c.proposedCutoff, scale, c.points) }));
  };

  const simLive = useMemo(
    () =>
      live((p: ThresholdRuleInput[], signal) => gql(SimulateDoc, { market, proposal: p }, signal).then((x) => x.simulate), {
        onData: (s) => {
          setSim(s);
          setSimError(null);
        },
        onError: setSimError,
        onPending: setSimPending,
      }, { interval: 120 }),
    [market],
  );
  const curveLive = useMemo(
    () =>
      live((a: { mv: MeasuredValue; proposal: ThresholdRuleInput[] }, signal) => fetchCurve(market, a.mv, a.proposal, signal), { onData: noteCurve, onError: setSimError }, { interval: 120 }),
    [market],
  );
  useEffect(
    () => () => {
      simLive.cancel();
      curveLive.cancel();
    },
    [simLive, curveLive],
  );

  // Every change of the proposal: the what-if, and the curve of the rule that moved, live.
  useEffect(() => {
    simLive.schedule(proposal);
    if (lastMoved.current) curveLive.schedule({ mv: lastMoved.current, proposal });
  }, [key]);

  // Once the proposal settles (at once on opening), the curves of the other rules follow it.
  const first = useRef(true);
  useEffect(() => {
    const ctl = new AbortController();
    const delay = first.current ? 0 : 700;
    first.current = false;
    const t = setTimeout(() => {
      for (const r of rules) {
        if (r.measuredValue === lastMoved.current) continue;
        fetchCurve(market, r.measuredValue, proposal, ctl.signal).then(noteCurve, (e) => {
          if (!ctl.signal.aborted) setSimError(e);
        });
      }
    }, delay);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [key]);

  const setCutoff = (i: number, v: number, text?: string) => {
    lastMoved.current = rules[i].measuredValue;
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, cutoff: v } : r)));
    setTexts((ts) => ({ ...ts, [rules[i].measuredValue]: text ?? String(v) }));
    setInputErrors((es) => ({ ...es, [rules[i].measuredValue]: '' }));
  };
  const setEnabled = (i: number, on: boolean) => {
    lastMoved.current = rules[i].measuredValue;
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, enabled: on } : r)));
  };
  const typeCutoff = (i: number, text: string) => {
    const mv = rules[i].measuredValue;
    const p = parseCutoff(text, mv);
    if (p.ok) setCutoff(i, p.value, text);
    else {
      setTexts((ts) => ({ ...ts, [mv]: text }));
      setInputErrors((es) => ({ ...es, [mv]: p.error }));
    }
  };

  const changed = new Set(changedRules(rules, saved.rules));
  const dirty = changed.size > 0;
  const hasInputErrors = Object.values(inputErrors).some((e) => e);
  const fieldErrors = ruleErrors(saveError);

  const save = async (): Promise<number | null> => {
    setSaving(true);
    setSaveError(null);
    setSavedNote('');
    try {
      const out = (await gql(EditMutation, { id: draft.id, revision: saved.revision, rules: proposal })).editThresholdDraft;
      setSaved({ rules: editRules(out.rules), revision: out.revision });
      setSavedNote(`Saved as revision ${out.revision} at ${formatTime(out.updatedAt)}.`);
      return out.revision;
    } catch (e) {
      setSaveError(e);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const revision = dirty ? await save() : saved.revision;
    if (revision === null) return;
    setSaving(true);
    try {
      await gql(SubmitMutation, { id: draft.id, revision, rationale: rationale.trim() });
      onSubmitted();
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  const conflict = saveError instanceof ApiError && saveError.code === 'CONFLICT';
  // The frontier follows the rule under the hand: the one moved last, else the first changed one, else the first.
  const frontierRule = lastMoved.current ?? rules.find((r) => changed.has(r.measuredValue))?.measuredValue ?? rules[0]?.measuredValue;
  const frontierCurve = frontierRule ? curves[frontierRule] : undefined;
  return (
    <div class="editor-grid">
      <div>
        <h2>Rules</h2>
        <p class="muted">
          Drag a slider, press its arrow keys (one step each) or type an exact cut-off: the what-if beside and the curve under the slider follow. The curve is
          the decline rate as that cut-off sweeps, the other rules as proposed; the red line is the cut-off. Slider and curve share one axis, spread by where the
          market's decisions lie; under it are its ends and the median.
        </p>
        <div class="rules-edit">
          {rules.map((r, i) => (
            <RuleControl
              key={r.measuredValue}
              rule={r}
              text={texts[r.measuredValue] ?? ''}
              inputError={inputErrors[r.measuredValue] || fieldErrors.get(i) || ''}
              axis={axes[r.measuredValue]}
              curve={curves[r.measuredValue]}
              changed={changed.has(r.measuredValue)}
              onSlide={(v) => setCutoff(i, v)}
              onType={(t) => typeCutoff(i, t)}
              onEnabled={(on) => setEnabled(i, on)}
            />
          ))}
        </div>
      </div>
      <div class="whatif-col">
        <section class="panel whatif" aria-labelledby="whatif-h" aria-busy={simPending}>
          <h2 id="whatif-h">What-if {simPending && <span class="muted">(updating…)</span>}</h2>
          {simError !== null && <ErrorBox error={simError} title="The what-if failed" />}
          {sim ? <WhatIf sim={sim} stale={simPending} /> : <Progress label="Simulating…" />}
        </section>
        <section class="panel" aria-labelledby="frontier-h">
          <h2 id="frontier-h">Trade-off under {frontierRule ? humanize(frontierRule) : 'the moved rule'}</h2>
          <p class="muted">
            As this rule's cut-off sweeps its range (the other rules as proposed): the bad rate and the loss (share of approved volume) against the approval rate. Today's point is
            the ring, the proposal's the disc.
          </p>
          {frontierCurve ? <Frontier curve={frontierCurve} name={humanize(frontierCurve.measuredValue)} /> : <Progress label="Loading the frontier…" />}
        </section>
        <section class="panel" aria-labelledby="save-h">
          <h2 id="save-h">Save and submit</h2>
          <p class="muted">
            {dirty ? `${changed.size} unsaved ${changed.size === 1 ? 'change' : 'changes'}.` : 'No unsaved changes.'} Revision {saved.revision}.
          </p>
          <div class="toolbar">
            <button type="button" onClick={save} disabled={!dirty || saving || hasInputErrors}>
              Save draft
            </button>
            <button
              type="button"
              class="secondary"
              disabled={!dirty || saving}
              onClick={() => {
                setRules(editRules(saved.rules));
                setTexts(Object.fromEntries(saved.rules.map((r) => [r.measuredValue, String(r.cutoff)])));
                setInputErrors({});
              }}
            >
              Undo unsaved changes
            </button>
          </div>
          {savedNote && (
            <p role="status" class="muted">
              {savedNote}
            </p>
          )}
          {conflict && (
            <div class="error" role="alert">
              <strong>Conflict: this draft changed since you opened it.</strong>
              <p>
                Someone saved or submitted it meanwhile (revision {saved.revision} is no longer current), so your change was not saved. Copy what you need,
                then reload to edit the latest revision.
              </p>
              <p class="meta">
                {saveError.message} · request id <code class="request-id">{saveError.requestId}</code>
              </p>
              <button type="button" onClick={() => window.location.reload()}>
                Reload the draft
              </button>
            </div>
          )}
          {saveError !== null && !conflict && <ErrorBox error={saveError} title="Not saved" />}
          <form class="stack" onSubmit={submit}>
            <label>
              Rationale for the approver
              <textarea name="rationale" rows={3} required value={rationale} onInput={(e) => setRationale(e.currentTarget.value)} />
              <FieldError error={saveError} field="rationale" />
            </label>
            <div>
              <button type="submit" disabled={saving || hasInputErrors || rationale.trim() === ''}>
                {dirty ? 'Save and submit for approval' : 'Submit for approval'}
              </button>
            </div>
          </form>
        </section>
      </div>
    </div>
  );
}

/** RuleControl is one rule: enabled, slider with the sensitivity curve under it on the same axis, and the exact number. */
function RuleControl(props: {
  rule: EditRule;
  text: string;
  inputError: string;
  axis?: Axis;
  curve?: Curve;
  changed: boolean;
  onSlide: (v: number) => void;
  onType: (text: string) => void;
  onEnabled: (on: boolean) => void;
}) {
  const { rule: r, axis, curve } = props;
  const name = humanize(r.measuredValue);
  const id = `rule-${r.measuredValue}`;
  const cmp = r.comparator === 'GTE' ? 'at least' : 'at most';
  const shown: Axis = axis ?? { knots: [Math.min(0, r.cutoff), Math.max(1, r.cutoff * 2)], step: isFlag(r.measuredValue) ? 1 : 0.01 };
  // Arrows move the cut-off by the rule's step, whatever the track's scale at that point.
  const onKey = (e: KeyboardEvent) => {
    const v = keyedCutoff(e.key, r.cutoff, shown);
    if (v === null) return;
    e.preventDefault();
    if (v !== r.cutoff) props.onSlide(v);
  };
  return (
    <fieldset class={`rule${props.changed ? ' changed' : ''}`} data-rule={r.measuredValue}>
      <legend>
        {name} <span class="muted">({humanize(r.factor)})</span>
      </legend>
      <div class="rule-head">
        <span class="muted">
          passes when {cmp} the cut-off; fails with {humanize(r.reasonCode)}
        </span>
        <label class="check">
          <input type="checkbox" checked={r.enabled} onChange={(e) => props.onEnabled(e.currentTarget.checked)} />
          enabled
        </label>
      </div>
      <div class="rule-inputs">
        <div class="slider">
          <input
            type="range"
            min={0}
            max={sliderPositions}
            step={1}
            value={toPosition(r.cutoff, shown)}
            aria-label={`${name} cut-off slider`}
            aria-valuetext={`${cmp} ${formatNumber(r.cutoff)}`}
            aria-describedby={curve && axis ? `${id}-curve` : undefined}
            disabled={!axis}
            onKeyDown={onKey}
            onInput={(e) => props.onSlide(fromPosition(Number(e.currentTarget.value), shown))}
          />
          {curve && axis ? <Sensitivity curve={curve} axis={axis} cutoff={r.cutoff} name={name} id={`${id}-curve`} /> : <p class="muted">Loading the curve…</p>}
        </div>
        <label>
          <span class="visually-hidden">{name} cut-off</span>
          <input
            class="cutoff"
            inputMode="decimal"
            aria-label={`${name} cut-off`}
            aria-invalid={props.inputError ? 'true' : undefined}
            aria-describedby={props.inputError ? `${id}-err` : undefined}
            value={props.text}
            onInput={(e) => props.onType(e.currentTarget.value)}
          />
          <span class="muted step">
            step {formatNumber(shown.step)}
          </span>
        </label>
      </div>
      {props.inputError && (
        <span class="field-error" id={`${id}-err`}>
          {props.inputError}
        </span>
      )}
    </fieldset>
  );
}

const sw = 300;
const sh = 40;

/**
 * Sensitivity draws the decline rate against the cut-off on the slider's own axis (the same
 * width as the knob's travel, the same quantile scale), with the cut-off marked where the knob is.
 */
function Sensitivity({ curve, axis, cutoff, name, id }: { curve: Curve; axis: Axis; cutoff: number; name: string; id: string }) {
  const pts = curve.points;
  const maxRate = Math.max(0.01, ...pts.map((p) => p.declineRate));
  const x = (c: number) => axisFraction(c, axis) * sw;
  const y = (rate: number) => sh - 2 - (rate / maxRate) * (sh - 4);
  const line = pts.map((p) => `${x(p.cutoff).toFixed(2)},${y(p.declineRate).toFixed(2)}`).join(' ');
  const lo = Math.min(...pts.map((p) => p.declineRate));
  const [from, to] = axisEnds(axis);
  return (
    <div class="sens-wrap">
      <svg
        class="sens"
        viewBox={`0 0 ${sw} ${sh}`}
        preserveAspectRatio="none"
        role="img"
        id={id}
        aria-label={`Decline rate as the ${name} cut-off sweeps ${formatNumber(from)} to ${formatNumber(to)}: from ${formatRate(lo)} to ${formatRate(maxRate)}; ${formatRate(curve.proposedRate)} at ${formatNumber(curve.proposedCutoff)}.`}
      >
        {pts.length > 1 && <polygon class="area" points={`${x(pts[0].cutoff).toFixed(2)},${sh} ${line} ${x(pts[pts.length - 1].cutoff).toFixed(2)},${sh}`} />}
        <polyline class="curve" points={line} />
        <line class="now" data-testid="cutoff-line" x1={x(cutoff)} x2={x(cutoff)} y1={0} y2={sh} />
      </svg>
      <div class="sens-axis" aria-hidden="true">
        <span>{formatNumber(from)}</span>
        <span>{axis.knots.length > 2 ? formatNumber(snap(axisValue(0.5, axis), axis.step)) : ''}</span>
        <span>{formatNumber(to)}</span>
      </div>
      <span class="muted">
        {formatRate(curve.proposedRate, 2)} declined at {formatNumber(curve.proposedCutoff)}; {formatRate(curve.declineRateWithoutRule, 2)} with the rule off
      </span>
    </div>
  );
}
