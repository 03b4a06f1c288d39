import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Chart } from '../components/Chart';
import { ErrorBox, FieldError, Link, PageHeader, Progress, useQuery } from '../components/common';
import { useConfirm } from '../components/confirm';
import { inboxChanged } from '../components/inbox';
import { Frontier, ImpactOutcomes, OutcomeCompare, SwapSet } from '../components/outcomes';
import { Card, ImpactSummary, RuleDiff, RulesTable, WhatIfWarmup } from '../components/thresholds';
import { graphql } from '../gql';
import { ThresholdDraftStatus, type MeasuredValue, type SensitivityQuery, type SimulateQuery, type ThresholdDraftQuery, type ThresholdRuleInput } from '../gql/graphql';
import { ApiError, gql } from '../lib/api';
import { seconds } from '../lib/chart';
import { formatNumber, formatPoints, formatRate, formatTime, humanize } from '../lib/format';
import { live } from '../lib/live';
import { currencyOf } from '../lib/outcomes';
import { isSelf, subjectName, submittedBy } from '../lib/subject';
import { changedRules, fromPosition, isFlag, parseCutoff, proposalKey, proposalOf, sliderPositions, sliderRange, toPosition, type EditRule, type SliderRange } from '../lib/rules';
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

const SimulateQueryDoc = graphql(`
  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {
    simulate(market: $market, proposal: $proposal) {
      market
      from
      to
      baselineVersion {
        id
        version
      }
      assessed
      declinedNow
      declinedProposed
      declineRateNow
      declineRateProposed
      approvedToDeclined
      declinedToApproved
      reasons {
        code
        now
        proposed
      }
      days {
        day
        assessed
        declinedNow
        declinedProposed
      }
      sampleApprovedToDeclined {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      sampleDeclinedToApproved {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      badDefinition {
        version
        description
        windowMonths
      }
      approvalRateNow
      approvalRateProposed
      outcomesNow {
        ...FigureFields
      }
      outcomesProposed {
        ...FigureFields
      }
      swapSet {
        keptApproved {
          ...FigureFields
        }
        swapOut {
          ...FigureFields
        }
        swapIn {
          ...FigureFields
        }
        keptDeclined {
          ...FigureFields
        }
      }
      immatureShare
      inference {
        available
        note
        method
        samples
        bads
        auc
      }
    }
  }
`);

const SensitivityQueryDoc = graphql(`
  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {
    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points) {
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

type Simulation = SimulateQuery['simulate'];
type Curve = SensitivityQuery['sensitivity'];

/** Points of each sensitivity curve. */
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
        <Review draft={d} user={user} onReviewed={res.reload} />
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
  const [ranges, setRanges] = useState<Record<string, SliderRange>>({});
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

  // Ranges are set from each rule's first curve and then kept, so a slider does not rescale under the hand.
  const noteCurve = (c: Curve) => {
    setCurves((cs) => ({ ...cs, [c.measuredValue]: c }));
    setRanges((rs) => (rs[c.measuredValue] ? rs : { ...rs, [c.measuredValue]: sliderRange(c.measuredValue, c.proposedCutoff, c.points) }));
  };

  const simLive = useMemo(
    () =>
      live((p: ThresholdRuleInput[], signal) => gql(SimulateQueryDoc, { market, proposal: p }, signal).then((x) => x.simulate), {
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
          Drag a slider or type an exact cut-off; the what-if and the curve under the slider follow. The curve is the market's decline rate as that cut-off
          sweeps its range with the other rules as proposed; the red line is the cut-off.
        </p>
        <div class="rules-edit">
          {rules.map((r, i) => (
            <RuleControl
              key={r.measuredValue}
              rule={r}
              text={texts[r.measuredValue] ?? ''}
              inputError={inputErrors[r.measuredValue] || fieldErrors.get(i) || ''}
              range={ranges[r.measuredValue]}
              curve={curves[r.measuredValue]}
              changed={changed.has(r.measuredValue)}
              onSlide={(v) => setCutoff(i, v)}
              onType={(t) => typeCutoff(i, t)}
              onEnabled={(on) => setEnabled(i, on)}
            />
          ))}
        </div>
      </div>
      <div>
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

/** RuleControl is one rule: enabled, slider, exact number, and the sensitivity curve under them. */
function RuleControl(props: {
  rule: EditRule;
  text: string;
  inputError: string;
  range?: SliderRange;
  curve?: Curve;
  changed: boolean;
  onSlide: (v: number) => void;
  onType: (text: string) => void;
  onEnabled: (on: boolean) => void;
}) {
  const { rule: r, range, curve } = props;
  const name = humanize(r.measuredValue);
  const id = `rule-${r.measuredValue}`;
  const cmp = r.comparator === 'GTE' ? 'at least' : 'at most';
  const shown = range ?? { lo: Math.min(0, r.cutoff), hi: Math.max(1, r.cutoff * 2), step: isFlag(r.measuredValue) ? 1 : 0.01 };
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
        <label>
          <span class="visually-hidden">{name} cut-off slider</span>
          <input
            type="range"
            min={0}
            max={sliderPositions}
            step={1}
            value={toPosition(r.cutoff, shown)}
            aria-label={`${name} cut-off slider`}
            aria-valuetext={`${cmp} ${formatNumber(r.cutoff)}`}
            disabled={!range}
            onInput={(e) => props.onSlide(fromPosition(Number(e.currentTarget.value), shown))}
          />
        </label>
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
        </label>
      </div>
      {props.inputError && (
        <span class="field-error" id={`${id}-err`}>
          {props.inputError}
        </span>
      )}
      {curve && range ? <Sensitivity curve={curve} range={range} cutoff={r.cutoff} name={name} /> : <p class="muted">Loading the curve…</p>}
    </fieldset>
  );
}

const sw = 300;
const sh = 48;

/** Sensitivity draws the decline rate against the cut-off over the slider's range, with the cut-off marked. */
function Sensitivity({ curve, range, cutoff, name }: { curve: Curve; range: SliderRange; cutoff: number; name: string }) {
  const pts = curve.points;
  const maxRate = Math.max(0.01, ...pts.map((p) => p.declineRate));
  const x = (c: number) => ((Math.min(range.hi, Math.max(range.lo, c)) - range.lo) / (range.hi - range.lo)) * sw;
  const y = (rate: number) => sh - 12 - (rate / maxRate) * (sh - 16);
  const line = pts.map((p) => `${x(p.cutoff).toFixed(1)},${y(p.declineRate).toFixed(1)}`).join(' ');
  const lo = Math.min(...pts.map((p) => p.declineRate));
  return (
    <div>
      <svg
        class="sens"
        viewBox={`0 0 ${sw} ${sh}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Decline rate as the ${name} cut-off sweeps ${formatNumber(range.lo)} to ${formatNumber(range.hi)}: from ${formatRate(lo)} to ${formatRate(maxRate)}; ${formatRate(curve.proposedRate)} at ${formatNumber(curve.proposedCutoff)}.`}
      >
        {pts.length > 1 && <polygon class="area" points={`0,${sh - 12} ${line} ${sw},${sh - 12}`} />}
        <polyline class="curve" points={line} />
        <line class="now" x1={x(cutoff)} x2={x(cutoff)} y1={0} y2={sh - 12} />
        <text x={0} y={sh - 1}>
          {formatNumber(range.lo)}
        </text>
        <text x={sw} y={sh - 1} text-anchor="end">
          {formatNumber(range.hi)}
        </text>
      </svg>
      <span class="muted">
        {formatRate(curve.proposedRate, 2)} declined at {formatNumber(curve.proposedCutoff)}; {formatRate(curve.declineRateWithoutRule, 2)} with the rule off
      </span>
    </div>
  );
}

/** WhatIf shows a simulation: the rates, the flips, the change per reason, per day, and flipped decisions to open. */
function WhatIf({ sim, stale }: { sim: Simulation; stale: boolean }) {
  const reasons = sim.reasons.filter((r) => r.now !== 0 || r.proposed !== 0).sort((a, b) => Math.abs(b.proposed - b.now) - Math.abs(a.proposed - a.now));
  const days = sim.days;
  const xs = days.map((d) => seconds(d.day));
  const ys = [days.map((d) => (d.assessed ? (d.declinedNow / d.assessed) * 100 : null)), days.map((d) => (d.assessed ? (d.declinedProposed / d.assessed) * 100 : null))];
  return (
    <div class={stale ? 'stale' : undefined}>
      <div class="cards">
        <Card label="Decline rate now" value={formatRate(sim.declineRateNow, 2)} testId="now" />
        <Card label="Decline rate proposed" value={formatRate(sim.declineRateProposed, 2)} note={formatPoints(sim.declineRateNow, sim.declineRateProposed)} testId="proposed" />
        <Card label="Approved → declined" value={sim.approvedToDeclined.toLocaleString('en-US')} testId="a2d" />
        <Card label="Declined → approved" value={sim.declinedToApproved.toLocaleString('en-US')} testId="d2a" />
      </div>
      <p class="muted">
        {sim.assessed.toLocaleString('en-US')} decisions of {sim.market}, {formatTime(sim.from)} to {formatTime(sim.to)}, against version {sim.baselineVersion.version} in force
        now.
      </p>
      <h3>Approvals, bad rate and loss</h3>
      <OutcomeCompare sim={sim} currency={currencyOf(sim.market)} />
      <h3>Swap-set</h3>
      <SwapSet sim={sim} currency={currencyOf(sim.market)} />
      <h3>Declines per day</h3>
      <Chart label="Decline rate per day, now and proposed" xs={xs} ys={ys} series={[{ label: 'now' }, { label: 'proposed', dashed: true, color: '#c2410c' }]} yLabel="%" height={200} />
      <h3>Principal reasons</h3>
      <div class="table-wrap">
        <table aria-label="Declines per principal reason, now and proposed">
          <thead>
            <tr>
              <th>Reason</th>
              <th class="num">Now</th>
              <th class="num">Proposed</th>
              <th class="num">Change</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r.code}>
                <td>{humanize(r.code)}</td>
                <td class="num">{r.now}</td>
                <td class="num">{r.proposed}</td>
                <td class={`num ${r.proposed > r.now ? 'up' : r.proposed < r.now ? 'down' : ''}`}>
                  {r.proposed > r.now ? '+' : ''}
                  {r.proposed - r.now}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flipped title="Would be declined (were approved)" list={sim.sampleApprovedToDeclined} />
      <Flipped title="Would be approved (were declined)" list={sim.sampleDeclinedToApproved} />
    </div>
  );
}

function Flipped({ title, list }: { title: string; list: Simulation['sampleApprovedToDeclined'] }) {
  return (
    <details>
      <summary>
        {title}: {list.length === 0 ? 'none' : `${list.length} examples`}
      </summary>
      {list.length > 0 && (
        <div class="table-wrap">
          <table aria-label={title}>
            <thead>
              <tr>
                <th>Decision</th>
                <th>Time (UTC)</th>
                <th>Category</th>
                <th class="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {list.map((f) => (
                <tr key={f.decisionId}>
                  <td>
                    <Link href={`/decisions/${f.decisionId}`}>
                      Open<span class="visually-hidden"> decision {f.decisionId}</span>
                    </Link>
                  </td>
                  <td>{formatTime(f.createdAt)}</td>
                  <td>{f.merchantCategory}</td>
                  <td class="num">{formatNumber(f.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
