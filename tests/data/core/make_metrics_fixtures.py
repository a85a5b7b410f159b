#!/usr/bin/python3
"""Writes metrics_fixtures.json: random multiclass and regression cases with scikit-learn 1.2 / SciPy reference values.

Run with Debian's interpreter (python3-sklearn, python3-scipy): /usr/bin/python3 make_metrics_fixtures.py
CCC has no scikit-learn function; it is computed here by Lin's formula with population moments.
"""
import json
import numpy as np
from scipy.stats import pearsonr
from sklearn import metrics

rng = np.random.default_rng(20261122)
cases = []
for n, k, noise in [(60, 3, 0.8), (200, 5, 1.5), (37, 2, 0.5), (150, 8, 2.0)]:
    y = rng.integers(0, k, n)
    y[:k] = np.arange(k)  # every class present
    logits = rng.normal(0, noise, (n, k))
    logits[np.arange(n), y] += 1.0
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    p = p.astype(np.float32).astype(np.float64)  # the toolkit's scores are float32
    pred = p.argmax(1)
    labels = list(range(k))
    prec, rec, f1, _ = metrics.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    cases.append(dict(
        kind="multiclass", classes=k, truth=y.tolist(), predicted=pred.tolist(), probabilities=p.tolist(),
        accuracy=metrics.accuracy_score(y, pred),
        balanced_accuracy=metrics.balanced_accuracy_score(y, pred),
        precision=prec.tolist(), recall=rec.tolist(), f1=f1.tolist(),
        macro_f1=metrics.f1_score(y, pred, average="macro", zero_division=0),
        weighted_f1=metrics.f1_score(y, pred, average="weighted", zero_division=0),
        kappa=metrics.cohen_kappa_score(y, pred),
        log_loss=metrics.log_loss(y, p, labels=labels),
        macro_auc=(metrics.roc_auc_score(y, p, multi_class="ovr", average="macro", labels=labels) if k > 2
                   else metrics.roc_auc_score(y, p[:, 1])),
        confusion=metrics.confusion_matrix(y, pred, labels=labels).tolist()))

for n, t in [(80, 2), (33, 1)]:
    x = rng.uniform(-1, 1, (n, t))
    yhat = 0.6 * x + rng.normal(0.1, 0.3, (n, t))
    per = []
    for j in range(t):
        a, b = x[:, j], yhat[:, j]
        ccc = 2 * np.mean((a - a.mean()) * (b - b.mean())) / (a.var() + b.var() + (a.mean() - b.mean()) ** 2)
        per.append(dict(mse=metrics.mean_squared_error(a, b), mae=metrics.mean_absolute_error(a, b),
                        r2=metrics.r2_score(a, b), pearson=pearsonr(a, b)[0], ccc=ccc))
    cases.append(dict(kind="regression", truth=x.T.tolist(), predicted=yhat.T.tolist(), targets=per))

with open("metrics_fixtures.json", "w") as f:
    json.dump(cases, f)
