#!/usr/bin/env python3
"""Writes the numpy-made .npy fixture that NpyFloatMatrixTest reads and compares our writer with."""
from pathlib import Path

import numpy as np

out = Path(__file__).resolve().parent.parent / "mmeb-eval/src/test/resources/org/mmeb/eval/result/submission"
out.mkdir(parents=True, exist_ok=True)
np.save(out / "numpy-2x3.npy", np.array([[1.5, -2.0, 0.25], [3e-8, 1e6, -0.0]], dtype="<f4"))
np.save(out / "numpy-float64.npy", np.zeros((2, 3), dtype="<f8"))
print("wrote", out)
