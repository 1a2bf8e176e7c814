"""The toy benchmark's Hinge and Hinge+SN runs written directly in PyTorch, as a cross-check of GanDsl's.

Same data (8 Gaussians on the unit circle, sd 0.01, or the 5x5 grid with sd 0.05), same networks (G: 16 -> 3x128 ReLU
-> 2; D: 2 -> 3x128 LeakyReLU(0.2) -> 1, with torch.nn.utils.spectral_norm on every Linear for "sn"), hinge loss,
Adam 1e-3 (0.5, 0.999), batch 256, one D step per G step, 2,500 samples scored as PacGAN does (high quality within
3 sd of the nearest mode; a mode is captured with one high-quality sample).

    /usr/bin/python3 benchmarks/toy/pytorch_reference.py --mixture ring --sn --seeds 1 2 3 --steps 4000

/usr/bin/python3 is Debian's, with its python3-torch (1.13) package; another python3 first on PATH may lack torch.
"""
import argparse
import math
import time

import torch
from torch import nn


def mixture(name):
    if name == "ring":
        centres = torch.tensor([[math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)] for k in range(8)])
        return centres, 0.01
    grid = torch.tensor([float(v) for v in (-4, -2, 0, 2, 4)])
    return torch.cartesian_prod(grid, grid), 0.05


def sample(centres, sd, n, generator):
    picks = torch.randint(len(centres), (n,), generator=generator)
    return centres[picks] + sd * torch.randn(n, 2, generator=generator)


def critic(spectral):
    wrap = nn.utils.spectral_norm if spectral else (lambda layer: layer)
    layers, width = [], 2
    for _ in range(3):
        layers += [wrap(nn.Linear(width, 128)), nn.LeakyReLU(0.2)]
        width = 128
    return nn.Sequential(*layers, wrap(nn.Linear(128, 1)))


def generator():
    return nn.Sequential(nn.Linear(16, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(),
                         nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2))


def run(mixture_name, spectral, seed, steps, batch):
    torch.manual_seed(seed)
    stream = torch.Generator().manual_seed(seed)
    centres, sd = mixture(mixture_name)
    data = sample(centres, sd, 50_000, stream)
    g, d = generator(), critic(spectral)
    opt_g = torch.optim.Adam(g.parameters(), lr=1e-3, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=1e-3, betas=(0.5, 0.999))
    for _ in range(steps):
        real = data[torch.randint(len(data), (batch,), generator=stream)]
        fake = g(torch.randn(batch, 16)).detach()
        d_loss = torch.relu(1 - d(real)).mean() + torch.relu(1 + d(fake)).mean()
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()
        g_loss = -d(g(torch.randn(batch, 16))).mean()
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()
    with torch.no_grad():
        points = g(torch.randn(2500, 16))
        distances = torch.cdist(points, centres)
        nearest, mode = distances.min(dim=1)
        good = nearest <= 3 * sd
        counts = torch.bincount(mode[good], minlength=len(centres))
        scores = (d(data[:2500]).std().item(), d(points).mean().item() - d(data[:2500]).mean().item())
    return int((counts > 0).sum()), 100.0 * good.float().mean().item(), scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mixture", choices=["ring", "grid"], default="ring")
    parser.add_argument("--sn", action="store_true", help="spectral norm on every Linear of D")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--steps", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args()
    torch.set_num_threads(1)
    name = "Hinge+SN" if args.sn else "Hinge"
    for seed in args.seeds:
        start = time.time()
        modes, quality, (real_sd, gap) = run(args.mixture, args.sn, seed, args.steps, args.batch)
        print(f"{name} {args.mixture} seed {seed}: {modes}/{8 if args.mixture == 'ring' else 25} modes, "
              f"{quality:.1f} % high quality, D(fake) - D(real) {gap:+.3f}, sd of D(real) {real_sd:.3f} "
              f"({args.steps} steps, {time.time() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
