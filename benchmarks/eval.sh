#!/usr/bin/env bash
# The effectiveness evaluation (the README names this script): perfopt, random search and
# Optuna's TPE on the same simulated surface agents, same budget, 20 seeds. Installs Debian's
# python3-optuna when it is missing (about a minute), then runs io.perfopt.benchmarks.eval.EvalMain.
#   benchmarks/eval.sh [--seeds 20] [--budget 16] [--stationary 4] [--methods perfopt,random,optuna] [--verbose]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
py=/usr/bin/python3
if ! "$py" -c "import optuna" 2>/dev/null; then
  echo "installing python3-optuna (apt-get)" >&2
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && apt-get install -y -qq python3-optuna >&2
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq python3-optuna >&2
  fi
fi
exec "$here/run.sh" eval.EvalMain "$@"
