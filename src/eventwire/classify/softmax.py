"""Multinomial logistic regression on sparse binary features, in numpy: fit, score, calibrate."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from numpy.typing import NDArray

__all__ = ["Rows", "fit", "fit_temperature", "log_softmax", "logits", "softmax"]

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class Rows:
    """Rows of active feature ids, stored flat (CSR without values: every feature is 0/1).

    Every row holds at least one id: callers add a bias feature to every row.
    """

    ids: NDArray[np.int64]
    starts: NDArray[np.int64]  # len(rows) + 1 offsets into ids

    @classmethod
    def from_lists(cls, rows: Sequence[Sequence[int] | NDArray[np.int64]]) -> Rows:
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        if lengths.size and lengths.min() == 0:
            raise ValueError("every row needs at least one feature id (add a bias feature)")
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        ids = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=int(starts[-1]))
        return cls(ids, starts)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def take(self, which: Iterable[int]) -> Rows:
        """The rows at the given positions, in that order."""
        return Rows.from_lists([self.ids[self.starts[i] : self.starts[i + 1]] for i in which])


def logits(rows: Rows, weights: Floats) -> Floats:
    """Row sums of the weight rows of each row's features: X @ W for a binary X.

    Gathers only the rows it needs, which suits the few candidates of one document; training
    sums whole classes at once instead (``_RowSums``).
    """
    if len(rows) == 0:
        return np.zeros((0, weights.shape[1]))
    return np.add.reduceat(weights[rows.ids], rows.starts[:-1], axis=0)


def log_softmax(z: Floats) -> Floats:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))  # type: ignore[no-any-return]


def softmax(z: Floats) -> Floats:
    return np.exp(log_softmax(z))


class _RowSums:
    """X @ W for a binary X: one bincount per class (faster than fancy indexing + reduceat)."""

    def __init__(self, rows: Rows) -> None:
        self.ids = rows.ids
        self.row_of = np.repeat(np.arange(len(rows)), np.diff(rows.starts))
        self.n = len(rows)

    def __call__(self, weights: Floats) -> Floats:
        wt = np.ascontiguousarray(weights.T)
        sums = [np.bincount(self.row_of, weights=w[self.ids], minlength=self.n) for w in wt]
        return np.stack(sums, axis=1).astype(np.float64).reshape(self.n, weights.shape[1])


class _Transpose:
    """X^T @ D for a binary X, the same way: one bincount per class."""

    def __init__(self, rows: Rows, n_features: int) -> None:
        self.ids = rows.ids
        self.row_of = np.repeat(np.arange(len(rows)), np.diff(rows.starts))
        self.n_features = n_features

    def __call__(self, d: Floats) -> Floats:
        dt = np.ascontiguousarray(d.T)
        sums = [
            np.bincount(self.ids, weights=c[self.row_of], minlength=self.n_features) for c in dt
        ]
        return np.stack(sums, axis=1).astype(np.float64).reshape(self.n_features, d.shape[1])


def fit(
    rows: Rows,
    labels: NDArray[np.int64],
    n_features: int,
    n_classes: int,
    *,
    l2: float,
    max_iter: int = 100,
    tol: float = 1e-5,
    unpenalised: int = 1,
) -> Floats:
    """Weights (n_features, n_classes) minimising mean cross-entropy + l2/2 * |W|^2.

    L-BFGS with a backtracking line search, from zeros: deterministic for given inputs. The
    first ``unpenalised`` feature ids (the bias) carry no penalty.
    """
    n = len(rows)
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), labels] = 1.0
    xt = _Transpose(rows, n_features)
    x = _RowSums(rows)
    mask = np.ones((n_features, 1))
    mask[:unpenalised] = 0.0

    def loss_grad(w_flat: Floats) -> tuple[float, Floats]:
        w = w_flat.reshape(n_features, n_classes)
        logp = log_softmax(x(w))
        loss = -float((logp * onehot).sum()) / n + 0.5 * l2 * float((mask * w * w).sum())
        grad = xt(np.exp(logp) - onehot) / n + l2 * mask * w
        return loss, grad.ravel()

    w = np.zeros(n_features * n_classes)
    loss, grad = loss_grad(w)
    s_hist: list[Floats] = []
    y_hist: list[Floats] = []
    for _ in range(max_iter):
        # Two-loop recursion: the quasi-Newton direction from the last few steps.
        q = grad.copy()
        alphas = []
        for s, y in zip(reversed(s_hist), reversed(y_hist), strict=True):
            a = float(s @ q) / float(y @ s)
            alphas.append(a)
            q -= a * y
        if s_hist:
            q *= float(s_hist[-1] @ y_hist[-1]) / float(y_hist[-1] @ y_hist[-1])
        for (s, y), a in zip(zip(s_hist, y_hist, strict=True), reversed(alphas), strict=True):
            b = float(y @ q) / float(y @ s)
            q += (a - b) * s
        direction = -q
        slope = float(grad @ direction)
        if slope >= 0:  # not a descent direction: restart from the gradient
            s_hist.clear()
            y_hist.clear()
            direction, slope = -grad, -float(grad @ grad)
        step = 1.0 if s_hist else 1.0 / max(1.0, float(np.sqrt(grad @ grad)))
        while True:
            new_w = w + step * direction
            new_loss, new_grad = loss_grad(new_w)
            if new_loss <= loss + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s_vec, y_vec = new_w - w, new_grad - grad
        if float(s_vec @ y_vec) > 1e-10:
            s_hist.append(s_vec)
            y_hist.append(y_vec)
            if len(s_hist) > 10:
                s_hist.pop(0)
                y_hist.pop(0)
        improvement = loss - new_loss
        w, loss, grad = new_w, new_loss, new_grad
        if improvement < tol * max(1.0, abs(loss)):
            break
    return w.reshape(n_features, n_classes)


def fit_temperature(z: Floats, labels: NDArray[np.int64]) -> float:
    """The temperature T minimising held-out cross-entropy of softmax(z / T) (golden section)."""
    if len(labels) == 0:
        return 1.0

    def nll(log_t: float) -> float:
        logp = log_softmax(z / np.exp(log_t))
        return -float(logp[np.arange(len(labels)), labels].mean())

    lo, hi = np.log(0.05), np.log(20.0)
    ratio = (np.sqrt(5.0) - 1) / 2
    a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = nll(a), nll(b)
    for _ in range(60):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - ratio * (hi - lo)
            fa = nll(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = nll(b)
    return float(np.exp((lo + hi) / 2))
