// perfopt dashboard: polls the REST API of the node that serves it and draws what it answers.
// Plain JavaScript, no build step, no network request but to this origin. Every text from the
// API is set with textContent or an attribute, never parsed as HTML.
(() => {
  'use strict';

  const TOKEN_KEY = 'perfopt.apiToken';
  const PHASES = ['COLLECT', 'JUDGE', 'DETECT', 'FORECAST', 'PLAN', 'EXECUTE', 'LEARN', 'REPORT'];
  const VERDICTS = {
    IMPROVED: 'improved', NO_EFFECT: 'no effect', INCONCLUSIVE: 'inconclusive', DEGRADED: 'degraded',
    FAILED: 'failed', AWAITING_APPROVAL: 'awaiting approval', REJECTED: 'rejected',
  };
  // metrics in 0..1 are shown as percentages
  const RATIOS = new Set(['successRate', 'averageConfidence', 'adaptationScore', 'coordinationScore',
    'resourceEfficiency', 'goalProgress', 'cpu', 'memory', 'network', 'storage', 'accuracyRate',
    'cooperationScore']);
  // the metrics detection compares with thresholds, and which side of the threshold is healthy
  const HEALTH = [
    { metric: 'responseTimeMs', label: 'response time', bad: 'above' },
    { metric: 'successRate', label: 'success rate', bad: 'below', statistic: 'mean' },
    { metric: 'coordinationScore', label: 'coordination', bad: 'below', statistic: 'mean' },
    { metric: 'cpu', label: 'cpu', statistic: 'mean' },
    { metric: 'memory', label: 'memory', statistic: 'mean' },
  ];

  const params = new URLSearchParams(location.search);
  const refreshSeconds = Math.min(300, Math.max(1, Number(params.get('refresh')) || 5));

  const state = {
    token: localStorage.getItem(TOKEN_KEY) || '',
    waitingForToken: false,
    timer: null,
    inFlight: false,
    again: false,
    rendered: {},      // section -> the API text it was last drawn from
    open: new Set(),   // keys of <details> the operator opened
    optimizationLimit: 50,
    status: null,
    agents: [],
  };

  // ---- DOM helpers -----------------------------------------------------------------------

  /** An element; children are nodes or strings (always text, never markup). */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    applyProps(el, props);
    append(el, children);
    return el;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';

  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    applyProps(el, attrs);
    append(el, children);
    return el;
  }

  function applyProps(el, props) {
    if (!props) return;
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'on') {
        for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
      } else if (key === 'text') {
        el.textContent = String(value);
      } else {
        el.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
      }
    }
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function body(sectionId) {
    return byId(sectionId).querySelector('.body');
  }

  function replace(el, ...children) {
    el.replaceChildren();
    append(el, children);
  }

  /** A <details> that stays open across refreshes once the operator opened it. */
  function details(key, summary, ...content) {
    const el = h('details', { 'data-key': key, open: state.open.has(key) }, h('summary', null, summary), content);
    el.addEventListener('toggle', () => (el.open ? state.open.add(key) : state.open.delete(key)));
    return el;
  }

  function badge(text, kind, title) {
    return h('span', { className: 'badge ' + (kind || ''), title }, text);
  }

  // ---- formatting ------------------------------------------------------------------------

  const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

  function isRatio(metric) {
    return RATIOS.has(metric);
  }

  function unitOf(metric) {
    if (/Ms$/.test(metric)) return 'ms';
    return isRatio(metric) ? '%' : '';
  }

  function num(value, digits) {
    if (value === null || value === undefined || !Number.isFinite(value)) return '–';
    const abs = Math.abs(value);
    if (digits === undefined) digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
    return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
  }

  /** A metric value with its unit: 2,800 ms, 61.5 %, 48.4. */
  function metricValue(metric, value) {
    if (value === null || value === undefined) return '–';
    if (isRatio(metric)) return num(value * 100, 1) + ' %';
    if (unitOf(metric) === 'ms') return (Math.abs(value) >= 100 ? integer.format(value) : num(value)) + ' ms';
    return num(value);
  }

  /** A signed difference in the metric's unit (percentage points for ratios). */
  function metricShift(metric, value) {
    const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
    if (isRatio(metric)) return sign + num(Math.abs(value) * 100, 1) + ' pp';
    const unit = unitOf(metric);
    return sign + num(Math.abs(value)) + (unit ? ' ' + unit : '');
  }

  function percent(value, digits = 0) {
    return value === null || value === undefined ? '–' : num(value * 100, digits) + ' %';
  }

  function signedPercent(value) {
    if (value === null || value === undefined) return '–';
    return (value > 0 ? '+' : value < 0 ? '−' : '') + num(Math.abs(value), 1) + ' %';
  }

  function pValue(p) {
    if (p === null || p === undefined) return 'no test';
    return p < 0.001 ? 'p < 0.001' : 'p = ' + p.toFixed(3);
  }

  function millis(ms) {
    if (ms === null || ms === undefined) return '–';
    if (ms < 1) return num(ms, 2) + ' ms';
    if (ms < 1000) return num(ms, ms < 10 ? 1 : 0) + ' ms';
    if (ms < 60000) return num(ms / 1000, 1) + ' s';
    return num(ms / 60000, 1) + ' min';
  }

  /** How long ago, measured against the server's clock so that a skewed browser clock does not matter. */
  function ago(iso) {
    if (!iso) return 'never';
    const now = state.status ? Date.parse(state.status.time) : Date.now();
    const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
    if (seconds < 90) return Math.round(seconds) + ' s ago';
    if (seconds < 5400) return Math.round(seconds / 60) + ' min ago';
    if (seconds < 172800) return Math.round(seconds / 3600) + ' h ago';
    return Math.round(seconds / 86400) + ' d ago';
  }

  function clock(iso) {
    if (!iso) return '–';
    const date = new Date(iso);
    return date.toLocaleTimeString('en-GB', { hour12: false });
  }

  function when(iso) {
    return h('time', { datetime: iso, title: iso }, clock(iso));
  }

  function words(enumName) {
    return String(enumName || '').toLowerCase().replace(/_/g, ' ');
  }

  // ---- the API ---------------------------------------------------------------------------

  class Unauthorized extends Error {}

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    if (state.token) headers.Authorization = 'Bearer ' + state.token;
    const response = await fetch(path, { ...options, headers, cache: 'no-store' });
    const text = await response.text();
    if (response.status === 401) throw new Unauthorized(errorText(text, 'the API wants its token'));
    if (!response.ok) throw new ApiError(response.status, errorText(text, 'HTTP ' + response.status));
    return { text, json: JSON.parse(text) };
  }

  function errorText(text, fallback) {
    try {
      const json = JSON.parse(text);
      return json && typeof json.error === 'string' ? json.error : fallback;
    } catch (e) {
      return fallback;
    }
  }

  /** A part of the API that may not exist on this version (e.g. /api/cluster): null when it does not. */
  async function optional(path) {
    try {
      return await api(path);
    } catch (e) {
      if (e instanceof ApiError || e instanceof SyntaxError) return null;
      throw e;
    }
  }

  function optimizationsQuery() {
    const query = new URLSearchParams({ limit: String(state.optimizationLimit) });
    const verdict = byId('filter-verdict').value;
    const agent = byId('filter-agent').value;
    if (verdict) query.set('verdict', verdict);
    if (agent) query.set('agent', agent);
    return 'api/optimizations?' + query;
  }

  async function refresh() {
    if (state.waitingForToken) return;
    if (state.inFlight) {
      // a command or filter asked for fresh data while a poll was out: poll again when it is back
      state.again = true;
      return;
    }
    state.inFlight = true;
    state.again = false;
    try {
      const [status, agents, cycles, optimizations, approvals, plugins, cluster] = await Promise.all([
        api('api/status'), api('api/agents'), api('api/cycles?limit=30'), api(optimizationsQuery()),
        api('api/approvals'), api('api/plugins'), optional('api/cluster')]);
      state.status = status.json;
      state.agents = agents.json;
      renderHeader(status.json, cycles.json);
      renderFirstCycle(status.json, agents.json);
      renderIfChanged('approvals', [approvals.text, status.json.maxUnattendedRisk], () =>
        renderApprovals(approvals.json, status.json));
      renderIfChanged('fleet', [agents.text], () => renderFleet(agents.json, status.json));
      renderIfChanged('cycles', [cycles.text], () => renderCycles(cycles.json));
      renderIfChanged('optimizations', [optimizations.text], () => renderOptimizations(optimizations.json));
      renderIfChanged('plugins', [plugins.text], () => renderPlugins(plugins.json));
      renderIfChanged('cluster', [cluster ? cluster.text : '', agents.text], () =>
        renderCluster(cluster && cluster.json, agents.json, status.json));
      connection('live', 'updated ' + clock(status.json.time), 'ok');
    } catch (e) {
      if (e instanceof Unauthorized) {
        askForToken(state.token ? 'The saved token was refused: ' + e.message : '');
      } else {
        connection('API unreachable', String(e.message || e), 'bad');
      }
    } finally {
      state.inFlight = false;
      if (state.again) refreshNow(); else schedule();
    }
  }

  function schedule() {
    clearTimeout(state.timer);
    if (!state.waitingForToken) state.timer = setTimeout(refresh, refreshSeconds * 1000);
  }

  function refreshNow() {
    clearTimeout(state.timer);
    refresh();
  }

  function renderIfChanged(section, inputs, render) {
    const key = JSON.stringify(inputs);
    if (state.rendered[section] === key) return;
    state.rendered[section] = key;
    render();
  }

  function connection(text, title, kind) {
    const el = byId('connection');
    el.textContent = text;
    el.title = title || '';
    el.className = 'connection ' + kind;
    el.dataset.state = kind;
  }

  function notice(text, kind) {
    const el = byId('notice');
    el.textContent = text;
    el.className = 'notice ' + (kind || '');
    el.hidden = false;
  }

  // ---- token -----------------------------------------------------------------------------

  function askForToken(message) {
    state.waitingForToken = true;
    clearTimeout(state.timer);
    byId('auth-error').textContent = message || '';
    byId('auth').hidden = false;
    connection('token needed', 'the API answered 401', 'warn');
    byId('token').focus();
  }

  function tokenEntered(event) {
    event.preventDefault();
    const value = byId('token').value.trim();
    if (!value) return;
    state.token = value;
    localStorage.setItem(TOKEN_KEY, value);
    byId('token').value = '';
    byId('auth').hidden = true;
    state.waitingForToken = false;
    state.rendered = {};
    updateTokenButton();
    refreshNow();
  }

  function forgetToken() {
    localStorage.removeItem(TOKEN_KEY);
    state.token = '';
    updateTokenButton();
    refreshNow();
  }

  function updateTokenButton() {
    byId('forget-token').hidden = !state.token;
  }

  // ---- commands --------------------------------------------------------------------------

  async function command(body, buttons) {
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const answer = await api('api/commands', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      notice(answer.json.message || body.command + ' done', 'ok');
    } catch (e) {
      if (e instanceof Unauthorized) {
        askForToken('The API refused the command: ' + e.message);
      } else {
        notice(body.command + ' refused: ' + e.message, 'bad');
      }
      buttons.forEach((b) => { b.disabled = false; });
    }
    state.rendered = {};
    refreshNow();
  }

  // ---- header ----------------------------------------------------------------------------

  function fact(label, value, kind, title) {
    return [h('dt', null, label), h('dd', { className: kind || '', title }, value)];
  }

  function renderHeader(status, cycles) {
    replace(byId('node'), 'node ', h('strong', null, status.node), ' · v', status.version);
    const latest = cycles[0];
    const systemBottleneck = latest && latest.bottlenecks.find((b) => b.component === 'system');
    const agents = status.agents;
    const impact = status.impact;
    replace(byId('facts'),
      fact('state', status.paused ? 'paused' : 'running', status.paused ? 'warn' : 'ok', status.control),
      fact('autonomy', percent(status.autonomyLevel, 1), '',
        'strategies with risk up to ' + num(status.maxUnattendedRisk, 2) + ' run without approval'),
      fact('system score', status.systemScore === null ? 'n/a' : num(status.systemScore, 2),
        systemBottleneck ? 'bad' : status.systemScore === null ? '' : 'ok',
        systemBottleneck ? systemBottleneck.description : 'no fleet-wide bottleneck'),
      fact('cycles', status.cycles === 0 ? 'none yet' : String(status.cycles), '',
        status.lastCycleAt ? 'last at ' + status.lastCycleAt : ''),
      fact('last cycle', ago(status.lastCycleAt)),
      fact('agents', agents.total + (agents.fresh === agents.total ? ' fresh'
        : ' (' + agents.fresh + ' fresh, ' + agents.stale + ' stale, ' + agents.neverSeen + ' never seen)'),
      agents.failing > 0 || agents.stale > 0 ? 'warn' : '', agents.failing + ' failing'),
      fact('in flight', String(status.changesInFlight.length), '', status.changesInFlight.join(', ')),
      fact('kept', !impact || impact.total === 0 ? 'none judged yet'
        : impact.successful + ' of ' + impact.total + ' (' + percent(impact.successRate) + ')',
        '', impact ? 'mean improvement of kept changes ' + signedPercent(impact.overallImprovement) : ''));
    const pause = byId('pause');
    pause.hidden = false;
    pause.textContent = status.paused ? 'Resume' : 'Pause';
    byId('optimize-now').hidden = false;
    replace(byId('foot'), 'perfopt ', status.version, ' · node ', status.node, ' · refreshes every ',
      String(refreshSeconds), ' s · server time ', status.time);
  }

  function renderFirstCycle(status, agents) {
    const box = byId('first-cycle');
    box.hidden = status.cycles > 0;
    if (status.cycles === 0) {
      byId('first-cycle-text').textContent = agents.length === 0
        ? 'No agent is registered yet: declare agents in conf/agents.yaml or register them through the API.'
        : agents.length + ' agents are registered; perfopt collects their metrics and runs its first cycle on '
          + 'its schedule (or now, with "Optimize now"). Bottlenecks, changes and verdicts appear here then.';
    }
  }

  // ---- approvals -------------------------------------------------------------------------

  function renderApprovals(waiting, status) {
    byId('approvals-count').textContent = String(waiting.length);
    byId('approvals-count').className = 'count' + (waiting.length ? ' attention' : '');
    byId('approvals-hint').textContent = 'Strategies riskier than the autonomy level allows (risk above '
      + num(status.maxUnattendedRisk, 2) + ' now) wait here for a person.';
    const el = body('approvals');
    if (waiting.length === 0) {
      replace(el, h('p', { className: 'empty' }, 'Nothing waits for approval.'));
      return;
    }
    replace(el, waiting.map(approvalCard));
  }

  function approvalCard(w) {
    const approve = h('button', { type: 'button', className: 'approve' }, 'Approve');
    const reject = h('button', { type: 'button', className: 'reject secondary' }, 'Reject');
    approve.addEventListener('click', () => command({ command: 'approve', strategyId: w.id }, [approve, reject]));
    reject.addEventListener('click', () => command({ command: 'reject', strategyId: w.id,
      reason: 'rejected on the dashboard' }, [approve, reject]));
    return h('article', { className: 'card approval', 'data-strategy-id': w.id, 'data-approved': String(w.approved) },
      h('div', { className: 'card-head' },
        h('h3', null, w.agentId),
        h('span', { className: 'muted' }, w.pluginId),
        badge('risk ' + num(w.risk, 2), 'warn', 'runs unattended up to ' + num(w.maxUnattendedRisk, 2))),
      h('p', { className: 'description' }, w.description),
      h('ul', { className: 'actions' }, w.actions.map((a) => h('li', null, a))),
      h('dl', { className: 'pairs' },
        h('dt', null, 'addresses'), h('dd', null, w.bottleneck),
        h('dt', null, 'expected'), h('dd', null, signedPercent(w.expectedImprovement)),
        h('dt', null, 'priority'), h('dd', null, words(w.priority)),
        h('dt', null, 'waiting since'), h('dd', null, when(w.since)),
        h('dt', null, 'id'), h('dd', { className: 'mono' }, w.id)),
      w.approved
        ? h('p', { className: 'approved' },
          'Approved: it runs in the next cycle where ' + w.agentId + ' has no change in flight.')
        : h('div', { className: 'buttons' }, approve, reject));
  }

  // ---- fleet -----------------------------------------------------------------------------

  function renderFleet(agents, status) {
    const select = byId('filter-agent');
    const ids = agents.map((a) => a.id).join('\n');
    if (select.dataset.ids !== ids) {
      // only when the fleet changed: rebuilding the options closes the list under the operator's hand
      const chosen = select.value;
      select.dataset.ids = ids;
      replace(select, h('option', { value: '' }, 'all'),
        agents.map((a) => h('option', { value: a.id, selected: a.id === chosen }, a.id)));
    }
    const c = status.agents;
    byId('fleet-summary').textContent = agents.length === 0 ? ''
      : c.total + ' agents: ' + c.fresh + ' fresh, ' + c.stale + ' stale, ' + c.neverSeen + ' never seen, '
        + c.failing + ' failing.';
    const el = body('fleet');
    if (agents.length === 0) {
      replace(el, h('p', { className: 'empty' }, 'No agent is registered.'));
      return;
    }
    replace(el, agents.map((a) => agentCard(a, status)));
  }

  const FRESHNESS = { fresh: 'ok', stale: 'warn', 'never-seen': 'muted' };

  function agentCard(agent, status) {
    const open = agent.bottlenecks.length;
    return h('article', {
      className: 'card agent' + (open ? ' has-bottlenecks' : ''), 'data-agent-id': agent.id,
      'data-freshness': agent.freshness,
    },
    h('div', { className: 'card-head' },
      h('h3', { className: 'agent-id' }, agent.id),
      badge(agent.freshness.replace('-', ' '), FRESHNESS[agent.freshness] || '',
        agent.lastSeen ? 'newest sample ' + agent.lastSeen : 'no sample yet'),
      agent.failing ? badge('failing', 'bad', agent.collection.lastError || '') : null,
      agent.changeInFlight ? badge('change in flight', 'info', agent.changeInFlight) : null),
    h('p', { className: 'muted small' }, agent.agentClass, ' · ', agent.source, ' · ',
      agent.owner ? 'owned by ' + agent.owner : 'owned by another node',
      ' · last seen ', ago(agent.lastSeen)),
    agent.failing && agent.collection.lastError
      ? h('p', { className: 'error small' }, agent.collection.lastError) : null,
    health(agent, status),
    // without a sample there is nothing to judge: no "no bottleneck" that would read as healthy
    agent.freshness === 'never-seen' && agent.bottlenecks.length === 0 ? null : bottleneckList(agent.bottlenecks),
    knobTable(agent),
    Object.keys(agent.metrics).length === 0 ? null
      : details('metrics:' + agent.id, 'all metrics (' + Object.keys(agent.metrics).length + ')', metricTable(agent)),
    h('p', { className: 'muted small' }, 'collection: ', String(agent.collection.polls), ' polls, ',
      String(agent.collection.failures), ' failed, ', integer.format(agent.collection.samplesAccepted),
      ' samples', agent.collection.samplesRejected ? ', ' + agent.collection.samplesRejected + ' rejected' : ''));
  }

  /** The threshold detection compares a metric with, for this agent (its overrides included). */
  function thresholdOf(agent, status, metric) {
    return agent.thresholds && typeof agent.thresholds[metric] === 'number' ? agent.thresholds[metric] : null;
  }

  function latencyStatistic(agent, status) {
    return agent.latencyStatistic || 'p95';
  }


  function health(agent, status) {
    const rows = HEALTH.filter((m) => agent.metrics[m.metric]).map((m) => {
      const summary = agent.metrics[m.metric];
      const statistic = m.statistic || latencyStatistic(agent, status);
      const value = summary[statistic];
      const threshold = m.bad ? thresholdOf(agent, status, m.metric) : null;
      const open = agent.bottlenecks.some((b) => b.metric === m.metric);
      const breached = threshold === null ? open : m.bad === 'above' ? value > threshold : value < threshold;
      const kind = m.bad ? (breached ? 'bad' : 'ok') : 'neutral';
      return h('div', { className: 'health-row ' + kind, 'data-metric': m.metric },
        h('span', { className: 'label' }, m.label, statistic === 'mean' ? '' : ' ' + statistic),
        meter(m.metric, value, threshold, kind),
        h('span', { className: 'value' }, metricValue(m.metric, value)),
        h('span', { className: 'limit' }, threshold === null ? '' : (m.bad === 'above' ? '≤ ' : '≥ ')
          + metricValue(m.metric, threshold)));
    });
    if (rows.length === 0) return h('p', { className: 'muted small' }, 'No metrics in the detection window.');
    return h('div', { className: 'health' }, rows);
  }

  /** A bar for the value, with a tick where the threshold is. */
  function meter(metric, value, threshold, kind) {
    const max = isRatio(metric) ? 1 : Math.max(value, threshold || 0) * 1.25 || 1;
    const bar = h('span', { className: 'meter ' + kind });
    const fill = h('span', { className: 'fill' });
    fill.style.width = Math.min(100, Math.max(0, (value / max) * 100)) + '%';
    bar.appendChild(fill);
    if (threshold !== null) {
      const tick = h('span', { className: 'tick', title: 'threshold ' + metricValue(metric, threshold) });
      tick.style.left = Math.min(100, (threshold / max) * 100) + '%';
      bar.appendChild(tick);
    }
    return bar;
  }

  const SEVERITY = { LOW: 'muted', MEDIUM: 'warn', HIGH: 'bad', CRITICAL: 'bad strong' };

  function bottleneckList(bottlenecks) {
    if (bottlenecks.length === 0) return h('p', { className: 'ok small' }, 'No open bottleneck.');
    return h('ul', { className: 'bottlenecks' }, bottlenecks.map((b) => h('li', null,
      badge(words(b.severity), SEVERITY[b.severity]), ' ',
      b.origin === 'PROACTIVE' ? badge('forecast', 'info', 'forecast to cross its threshold') : null, ' ',
      h('span', { title: b.suggestedFix }, b.description),
      h('span', { className: 'muted small' }, ' · since ', ago(b.detectedAt)))));
  }

  function knobTable(agent) {
    if (agent.knobs.length === 0) {
      return h('p', { className: 'muted small' }, agent.knobsReadAt ? 'No knobs.' : 'Knobs not read yet.');
    }
    return h('table', { className: 'knobs' },
      h('caption', null, 'knobs', agent.knobsReadAt ? ' · read ' + ago(agent.knobsReadAt) : ''),
      h('tbody', null, agent.knobs.map((k) => h('tr', { 'data-knob': k.name },
        h('td', { className: 'mono' }, k.name),
        h('td', { className: 'num strong' }, typeof k.value === 'number' ? num(k.value) : String(k.value)),
        h('td', { className: 'muted' }, k.type === 'enum' ? k.values.join(' | ')
          : k.type === 'boolean' ? 'true | false' : num(k.min) + ' – ' + num(k.max))))));
  }

  function metricTable(agent) {
    const names = Object.keys(agent.metrics).sort();
    return h('table', { className: 'metrics' },
      h('thead', null, h('tr', null, ['metric', 'n', 'mean', 'p50', 'p95', 'max'].map((c) => h('th', null, c)))),
      h('tbody', null, names.map((name) => {
        const m = agent.metrics[name];
        return h('tr', null, h('td', { className: 'mono' }, name), h('td', { className: 'num' }, String(m.count)),
          ['mean', 'p50', 'p95', 'max'].map((k) => h('td', { className: 'num' }, metricValue(name, m[k]))));
      })));
  }

  // ---- cycles ----------------------------------------------------------------------------

  function renderCycles(cycles) {
    const el = body('cycles');
    if (cycles.length === 0) {
      replace(el, h('p', { className: 'empty' }, 'No cycle yet.'));
      return;
    }
    const oldestFirst = cycles.slice().reverse();
    const latest = cycles[0];
    replace(el,
      phaseChart(oldestFirst),
      h('div', { className: 'legend' }, PHASES.map((p, i) =>
        h('span', null, h('span', { className: 'swatch phase-' + i }), words(p)))),
      cycleTable(cycles.slice(0, 8)),
      h('h3', null, 'Cycle ', String(latest.cycle), ': what was decided and why'),
      latest.decisions.length
        ? h('ul', { className: 'decisions' }, latest.decisions.map((d) => h('li', null, d)))
        : h('p', { className: 'muted' }, 'No decision was needed.'),
      latest.recommendations.length ? h('ul', { className: 'recommendations' }, latest.recommendations.map((r) =>
        h('li', null, badge(words(r.kind), 'info'), ' ', r.target, ': ', r.reason))) : null,
      latest.errors.length ? h('ul', { className: 'errors' }, latest.errors.map((e) => h('li', null, e))) : null);
  }

  function phaseChart(cycles) {
    const width = 920;
    const height = 190;
    const left = 52;
    const bottom = 24;
    const top = 10;
    const totals = cycles.map((c) => PHASES.reduce((sum, p) => sum + (c.phaseTimings[p] || 0), 0));
    const scale = niceScale(Math.max(...totals, 0.001));
    const plotHeight = height - top - bottom;
    const slot = (width - left - 8) / Math.max(cycles.length, 12);
    const barWidth = Math.max(4, Math.min(36, slot * 0.7));
    const y = (ms) => top + plotHeight - (ms / scale.max) * plotHeight;
    const svg = s('svg', { viewBox: '0 0 ' + width + ' ' + height, className: 'chart phases', role: 'img',
      'aria-label': 'phase timings of the last ' + cycles.length + ' cycles' });
    scale.ticks.forEach((t) => {
      svg.appendChild(s('line', { x1: left, x2: width - 4, y1: y(t), y2: y(t), className: 'grid' }));
      svg.appendChild(s('text', { x: left - 6, y: y(t) + 4, className: 'axis', 'text-anchor': 'end' }, millis(t)));
    });
    const labelEvery = Math.ceil(cycles.length / 15);
    cycles.forEach((c, i) => {
      const x = left + i * slot + (slot - barWidth) / 2;
      let base = 0;
      const group = s('g', { 'data-cycle': c.cycle });
      PHASES.forEach((p, k) => {
        const ms = c.phaseTimings[p] || 0;
        if (ms <= 0) return;
        group.appendChild(s('rect', {
          x, width: barWidth, y: y(base + ms), height: Math.max(0.5, y(base) - y(base + ms)), className: 'phase-' + k,
        }, s('title', null, 'cycle ' + c.cycle + ' · ' + words(p) + ' ' + millis(ms))));
        base += ms;
      });
      group.appendChild(s('title', null, 'cycle ' + c.cycle + ': ' + millis(totals[i]) + ' in phases'));
      svg.appendChild(group);
      if (i % labelEvery === 0) {
        svg.appendChild(s('text', { x: x + barWidth / 2, y: height - 8, className: 'axis', 'text-anchor': 'middle' },
          String(c.cycle)));
      }
    });
    return svg;
  }

  /** Round axis ticks (1, 2, 5 × 10^n) covering 0..max. */
  function niceScale(max, count = 4) {
    const raw = max / count;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= raw);
    const ticks = [];
    for (let t = 0; t <= max + step * 0.999; t += step) ticks.push(t);
    return { max: ticks[ticks.length - 1], ticks, step };
  }

  /** A cycle's duration: by its clock, or the sum of its phases where that clock stood still (a test's). */
  function took(cycle) {
    const phases = Object.values(cycle.phaseTimings).reduce((sum, ms) => sum + ms, 0);
    return Math.max(Date.parse(cycle.finishedAt) - Date.parse(cycle.startedAt), phases);
  }

  function cycleTable(cycles) {
    return h('table', { className: 'cycles' },
      h('thead', null, h('tr', null, ['cycle', 'started', 'took', 'agents', 'bottlenecks', 'applied', 'waiting',
        'verdicts', 'score', 'errors'].map((c) => h('th', null, c)))),
      h('tbody', null, cycles.map((c) => h('tr', { 'data-cycle': c.cycle },
        h('td', { className: 'num' }, String(c.cycle)),
        h('td', null, when(c.startedAt)),
        h('td', { className: 'num' }, millis(took(c))),
        h('td', { className: 'num' }, String(c.agents.length)),
        h('td', { className: 'num' }, String(c.bottlenecks.length)),
        h('td', { className: 'num' }, String(c.applied.length)),
        h('td', { className: 'num' }, String(c.awaitingApproval.length)),
        h('td', null, c.results.length ? c.results.map((r) => badge(VERDICTS[r.verdict] || words(r.verdict),
          'verdict-' + r.verdict, r.explanation)) : '–'),
        h('td', { className: 'num' }, c.systemScore === null ? '–' : num(c.systemScore, 2)),
        h('td', { className: c.errors.length ? 'num bad' : 'num', title: c.errors.join('\n') },
          String(c.errors.length))))));
  }

  // ---- optimizations ---------------------------------------------------------------------

  function renderOptimizations(results) {
    const el = body('optimizations');
    byId('optimizations-shown').textContent = results.length
      ? results.length + ' shown, newest first' : '';
    byId('more-optimizations').hidden = results.length < state.optimizationLimit || state.optimizationLimit >= 1000;
    if (results.length === 0) {
      replace(el, h('p', { className: 'empty' }, byId('filter-verdict').value || byId('filter-agent').value
        ? 'No optimization matches the filter.' : 'No optimization has been judged yet.'));
      return;
    }
    replace(el, results.map(resultCard));
  }

  // verdicts on changes that were never applied: nothing was measured, there is nothing to draw
  const UNAPPLIED = new Set(['AWAITING_APPROVAL', 'REJECTED']);

  function resultCard(r) {
    const st = r.strategy;
    const metric = st.targetMetric;
    const stat = r.before && r.after;
    return h('article', { className: 'card result verdict-' + r.verdict, 'data-strategy-id': st.id,
      'data-verdict': r.verdict, 'data-agent-id': st.target },
    h('div', { className: 'card-head' },
      badge(VERDICTS[r.verdict] || words(r.verdict), 'verdict verdict-' + r.verdict),
      h('h3', null, st.target),
      h('span', { className: 'muted' }, st.pluginId, ' · ', words(st.type), ' · ', words(st.origin)),
      h('span', { className: 'muted right' }, when(r.timestamp))),
    h('p', { className: 'description' }, st.description,
      UNAPPLIED.has(r.verdict)
        ? h('span', { className: 'muted' }, ' · expected ' + signedPercent(st.expectedImprovement) + ', risk '
          + num(st.risk, 2))
        : null),
    UNAPPLIED.has(r.verdict) ? null : h('div', { className: 'result-body' },
      h('dl', { className: 'figures' },
        h('dt', null, 'effect'),
        // coloured by the verdict, not the sign: an insignificant +4 % is no success
        h('dd', { className: 'effect ' + (r.verdict === 'IMPROVED' ? 'ok' : r.verdict === 'DEGRADED' ? 'bad' : '') },
          signedPercent(r.actualImprovement)),
        h('dt', null, 'significance'), h('dd', { className: 'p-value' }, pValue(r.pValue)),
        h('dt', { title: 'Hodges–Lehmann estimate of after − before, with its confidence interval' },
          'shift' + (r.shift ? ' (' + num(r.shift.confidence * 100, 0) + ' % CI)' : '')),
        h('dd', { className: 'shift' }, r.shift ? [metricShift(metric, r.shift.shift), h('span', { className: 'muted' },
          ' [', metricShift(metric, r.shift.lower), ', ', metricShift(metric, r.shift.upper), ']')] : '–'),
        h('dt', null, 'median before → after'),
        h('dd', null, stat ? metricValue(metric, r.before.p50) + ' → ' + metricValue(metric, r.after.p50) : '–'),
        h('dt', null, 'p95 before → after'),
        h('dd', null, stat ? metricValue(metric, r.before.p95) + ' → ' + metricValue(metric, r.after.p95) : '–'),
        h('dt', null, 'samples'),
        h('dd', null, r.beforeSamples.length || r.afterSamples.length
          ? r.beforeSamples.length + ' before, ' + r.afterSamples.length + ' after' : 'none'),
        h('dt', null, 'expected'), h('dd', null, signedPercent(st.expectedImprovement)),
        h('dt', null, 'apply → verdict'), h('dd', null, millis(r.executionTime))),
      r.beforeSamples.length || r.afterSamples.length
        ? distributionChart(metric, r.beforeSamples, r.afterSamples, r.verdict)
        : h('p', { className: 'muted chart-placeholder' }, 'No samples: nothing was measured for this verdict.')),
    h('p', { className: 'explanation' }, r.explanation),
    r.issues.length ? h('ul', { className: 'issues' }, r.issues.map((i) => h('li', null, i))) : null,
    details('result:' + st.id, 'changes and rollback plan',
      h('ul', { className: 'actions' }, st.actions.map((a) => h('li', null, a))),
      st.guardrails.length ? h('p', { className: 'small' }, 'guardrails: ', st.guardrails.map((g) =>
        g.metric + ' within ' + num(g.tolerancePercent) + ' %').join(', ')) : null,
      h('p', { className: 'small' }, 'rollback: ', st.rollbackPlan || '–'),
      h('p', { className: 'small mono' }, st.id)));
  }

  function quantile(sorted, q) {
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  function boxStats(samples) {
    const sorted = samples.slice().sort((a, b) => a - b);
    const q1 = quantile(sorted, 0.25);
    const q3 = quantile(sorted, 0.75);
    const fence = 1.5 * (q3 - q1);
    const inside = sorted.filter((v) => v >= q1 - fence && v <= q3 + fence);
    const whiskers = inside.length ? inside : sorted;
    return { n: sorted.length, q1, median: quantile(sorted, 0.5), q3,
      low: whiskers[0], high: whiskers[whiskers.length - 1] };
  }

  /** Before and after as two box plots over their samples drawn as dots, on one axis. */
  function distributionChart(metric, before, after, verdict) {
    const width = 460;
    const height = 150;
    const left = 52;
    const right = 14;
    const rows = [
      { label: 'before', samples: before, y: 38, kind: 'before' },
      { label: 'after', samples: after, y: 92, kind: 'after verdict-' + verdict },
    ].filter((r) => r.samples.length);
    const all = before.concat(after);
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (hi === lo) { hi += Math.abs(hi) * 0.05 || 1; lo -= Math.abs(lo) * 0.05 || 1; }
    const pad = (hi - lo) * 0.06;
    lo -= pad;
    hi += pad;
    const x = (v) => left + ((v - lo) / (hi - lo)) * (width - left - right);
    const svg = s('svg', { viewBox: '0 0 ' + width + ' ' + height, className: 'chart distribution', role: 'img',
      'aria-label': metric + ' before and after' });
    axisTicks(lo, hi).forEach((t) => {
      svg.appendChild(s('line', { x1: x(t), x2: x(t), y1: 12, y2: height - 26, className: 'grid' }));
      svg.appendChild(s('text', { x: x(t), y: height - 10, className: 'axis', 'text-anchor': 'middle' },
        metricValue(metric, t)));
    });
    rows.forEach((row) => {
      const b = boxStats(row.samples);
      const g = s('g', { className: 'box ' + row.kind, 'data-series': row.label },
        s('title', null, row.label + ': n=' + b.n + ', median ' + metricValue(metric, b.median) + ', quartiles '
          + metricValue(metric, b.q1) + ' – ' + metricValue(metric, b.q3)));
      g.appendChild(s('text', { x: 4, y: row.y + 4, className: 'series-label' }, row.label));
      g.appendChild(s('line', { x1: x(b.low), x2: x(b.high), y1: row.y, y2: row.y, className: 'whisker' }));
      [b.low, b.high].forEach((v) =>
        g.appendChild(s('line', { x1: x(v), x2: x(v), y1: row.y - 7, y2: row.y + 7, className: 'whisker' })));
      g.appendChild(s('rect', { x: x(b.q1), y: row.y - 14, width: Math.max(1, x(b.q3) - x(b.q1)), height: 28,
        className: 'iqr' }));
      g.appendChild(s('line', {
        x1: x(b.median), x2: x(b.median), y1: row.y - 14, y2: row.y + 14, className: 'median' }));
      // the samples themselves, spread vertically by a fixed pattern so the picture is stable
      row.samples.forEach((v, i) => g.appendChild(s('circle', {
        cx: x(v), cy: row.y + 20 + ((i * 7) % 9) - 4, r: 2.2, className: 'dot' })));
      svg.appendChild(g);
    });
    return svg;
  }

  function axisTicks(lo, hi) {
    const raw = (hi - lo) / 4;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= raw);
    const ticks = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(Number(t.toPrecision(12)));
    return ticks;
  }

  // ---- plugins and learning --------------------------------------------------------------

  function renderPlugins(plugins) {
    const el = body('plugins');
    if (plugins.length === 0) {
      replace(el, h('p', { className: 'empty' },
        'No plugin is loaded from a plugin directory on this node (its optimizers may be given in code).'));
      return;
    }
    const learned = [];
    plugins.forEach((p) => p.extensions.forEach((e) => e.learned.forEach((row) =>
      learned.push({ ...row, optimizerId: e.optimizerId }))));
    // what kept most often first, then what improved most
    learned.sort((a, b) => (b.successes / b.trials) - (a.successes / a.trials)
      || b.meanImprovement - a.meanImprovement);
    replace(el,
      h('table', { className: 'plugins' },
        h('thead', null, h('tr', null, ['plugin', 'version', 'state', 'handles', 'calls', 'failures', 'trials',
          'success rate'].map((c) => h('th', null, c)))),
        h('tbody', null, plugins.map(pluginRow))),
      h('h3', null, 'What learning says works'),
      learned.length === 0
        ? h('p', { className: 'muted' }, 'Nothing learned yet: every judged change teaches its plugin.')
        : h('table', { className: 'learned' },
          h('thead', null, h('tr', null, ['optimizer', 'agent class', 'bottleneck', 'action', 'trials', 'kept',
            'mean improvement'].map((c) => h('th', null, c)))),
          h('tbody', null, learned.map((row) => h('tr', null,
            h('td', null, row.optimizerId),
            h('td', null, row.agentClass),
            h('td', null, words(row.bottleneck)),
            h('td', { className: 'mono' }, (row.direction === 'UP' ? '↑ ' : row.direction === 'DOWN' ? '↓ ' : '')
              + row.knob + (row.step ? ' ' + row.step : '')),
            h('td', { className: 'num' }, String(row.trials)),
            h('td', { className: 'num' }, successBar(row.successes, row.trials)),
            // green only where something was kept: a mean over rolled-back trials is no success
            h('td', { className: 'num ' + (row.meanImprovement < 0 ? 'bad' : row.successes > 0 ? 'ok' : 'muted') },
              signedPercent(row.meanImprovement)))))));
  }

  function pluginRow(p) {
    const sum = (key) => p.extensions.reduce((total, e) => total + (e[key] || 0), 0);
    const trials = sum('trials');
    const successes = p.extensions.reduce((total, e) =>
      total + (e.successRate === null ? 0 : e.successRate * e.trials), 0);
    const errors = [p.error].concat(p.extensions.map((e) => e.lastError)).filter(Boolean);
    const stateKind = p.state === 'STARTED' ? 'ok' : p.state === 'FAILED' ? 'bad' : 'muted';
    return h('tr', { 'data-plugin-id': p.id },
      h('td', null, h('strong', null, p.id), h('div', { className: 'muted small' }, p.description || '')),
      h('td', null, p.version),
      h('td', null, badge(words(p.state), stateKind),
        p.extensions.some((e) => !e.enabledInEngine) ? badge('cut off', 'bad', 'too many failures') : null),
      h('td', null, p.handles.map(words).join(', ')),
      h('td', { className: 'num' }, String(sum('calls'))),
      h('td', { className: 'num' + (sum('failures') ? ' bad' : ''), title: errors.join('\n') },
        String(sum('failures'))),
      h('td', { className: 'num' }, String(trials)),
      h('td', { className: 'num' }, trials ? successBar(Math.round(successes), trials) : '–'));
  }

  function successBar(successes, trials) {
    const bar = h('span', { className: 'minibar' }, h('span', { className: 'fill' }));
    bar.firstChild.style.width = (trials ? (successes / trials) * 100 : 0) + '%';
    return h('span', { className: 'success', title: successes + ' of ' + trials + ' kept' },
      bar, ' ', successes + '/' + trials);
  }

  // ---- cluster ---------------------------------------------------------------------------

  /**
   * With GET /api/cluster (members and who owns which agents) the members are listed; without it
   * this node is the whole cluster, and each agent's owner comes from /api/agents.
   */
  function renderCluster(cluster, agents, status) {
    const el = body('cluster');
    const members = clusterMembers(cluster);
    if (!members || members.length <= 1) {
      const own = agents.filter((a) => a.owner === status.node);
      replace(el,
        h('p', { className: 'single-node' }, 'One node: ', h('strong', null, status.node), '.'),
        h('p', { className: 'muted' }, 'It optimizes ', String(own.length), ' of ', String(agents.length), ' agents',
          own.length < agents.length ? '; the others belong to another node.' : '.'),
        ownershipList(agents.map((a) => ({ agent: a.id, owner: a.owner || 'another node' }))));
      return;
    }
    replace(el,
      h('p', null, String(members.length), members.length === 1 ? ' member' : ' members', ', this node is ',
        h('strong', null, status.node), '.'),
      h('table', { className: 'members' },
        h('thead', null, h('tr', null, ['member', 'address', 'agents owned'].map((c) => h('th', null, c)))),
        h('tbody', null, members.map((m) => h('tr', { 'data-member': m.id },
          h('td', null, h('strong', null, m.id), m.id === status.node || m.local ? badge('this node', 'info') : null),
          h('td', { className: 'mono' }, m.address || '–'),
          h('td', null, m.agents.length ? m.agents.join(', ') : h('span', { className: 'muted' }, 'none')))))));
  }

  /** Members as {id, address, local, agents}, from GET /api/cluster's members. */
  function clusterMembers(cluster) {
    if (!cluster || !Array.isArray(cluster.members)) return null;
    return cluster.members.map((m) => ({ id: m.node, address: m.address, local: m.local, agents: m.agents || [] }));
  }

  function ownershipList(rows) {
    if (rows.length === 0) return null;
    return h('table', { className: 'owners' },
      h('thead', null, h('tr', null, h('th', null, 'agent'), h('th', null, 'owner'))),
      h('tbody', null, rows.map((r) => h('tr', { 'data-agent-id': r.agent },
        h('td', null, r.agent), h('td', null, r.owner)))));
  }

  // ---- start -----------------------------------------------------------------------------

  function start() {
    byId('auth-form').addEventListener('submit', tokenEntered);
    byId('forget-token').addEventListener('click', forgetToken);
    byId('pause').addEventListener('click', (e) => command({ command: state.status && state.status.paused
      ? 'resume' : 'pause' }, [e.currentTarget]));
    byId('optimize-now').addEventListener('click', (e) => command({ command: 'optimize-now' }, [e.currentTarget]));
    const refilter = () => { state.optimizationLimit = 50; refreshNow(); };
    byId('filter-verdict').addEventListener('change', refilter);
    byId('filter-agent').addEventListener('change', refilter);
    byId('more-optimizations').addEventListener('click', () => {
      state.optimizationLimit = Math.min(1000, state.optimizationLimit + 50);
      refreshNow();
    });
    updateTokenButton();
    refresh();
  }

  start();
})();
