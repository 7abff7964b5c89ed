#!/usr/bin/env python3
"""The same skeleton model as ActionLens's C++ trainer, trained the plain PyTorch way.

train_bench (C++) writes a spec (graph partitions, sizes, threads) and runs this script with
Debian's python3-torch in the same run, so that the two throughputs are measured side by side:

    python3 train_bench.py SPEC.json

The network mirrors core/model (ST-GCN trunk: bone and motion features derived from the joints
when the spec asks for them, as the C++ trainer's default trunk does; input batch norm over
joints x channels, blocks of
spatial graph convolution with learnt edge importance + temporal convolution, batch norm and
residuals; one head per task pooling with its own attention over frames and joints). The loss
is the equal-weighted sum of the tasks' cross-entropies, AdamW with gradient clipping, as in the
C++ run. Data are random tensors prepared before timing (no loading, no augmentation), so this
measures the bare training step. Prints one JSON line.
"""
import json
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class SpatialGraphConv(nn.Module):
    def __init__(self, cin, cout, partitions):
        super().__init__()
        self.cout = cout
        self.conv = nn.Conv2d(cin, partitions.shape[0] * cout, 1)
        self.register_buffer("partitions", partitions.clone())
        self.edge_importance = nn.Parameter(torch.ones_like(partitions))

    def forward(self, x):
        n, _, t, v = x.shape
        y = self.conv(x).view(n, self.partitions.shape[0], self.cout, t, v)
        return torch.einsum("nkctv,kwv->nctw", y, self.partitions * self.edge_importance)


class Block(nn.Module):
    def __init__(self, cin, cout, stride, kernel, dropout, partitions):
        super().__init__()
        self.gcn = SpatialGraphConv(cin, cout, partitions)
        self.gcn_norm = nn.BatchNorm2d(cout)
        self.tcn = nn.Conv2d(cout, cout, (kernel, 1), stride=(stride, 1), padding=((kernel - 1) // 2, 0))
        self.tcn_norm = nn.BatchNorm2d(cout)
        self.dropout = nn.Dropout(dropout)
        self.residual = None
        if cin != cout or stride != 1:
            self.residual = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=(stride, 1)), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.gcn_norm(self.gcn(x)))
        y = self.dropout(self.tcn_norm(self.tcn(y)))
        return F.relu(y + (x if self.residual is None else self.residual(x)))


class Head(nn.Module):
    def __init__(self, channels, hidden, classes):
        super().__init__()
        self.attention_hidden = nn.Conv2d(channels, hidden, 1)
        self.attention_score = nn.Conv2d(hidden, 1, 1)
        self.classifier = nn.Linear(channels, classes)

    def forward(self, f):
        n, _, t, v = f.shape
        scores = self.attention_score(torch.tanh(self.attention_hidden(f))).view(n, t * v)
        attention = torch.softmax(scores, 1).view(n, t, v)
        return self.classifier(torch.einsum("nctv,ntv->nc", f, attention))


class MultiTaskNetwork(nn.Module):
    def __init__(self, spec, partitions):
        super().__init__()
        channels, joints = spec["input_channels"], spec["joints"]
        self.bone = spec.get("bone_features", False)
        self.motion = spec.get("motion_features", False)
        self.register_buffer("bone_parents", torch.tensor(spec.get("bone_parents", list(range(joints))), dtype=torch.int64))
        channels += 2 * int(self.bone) + 2 * int(self.motion)
        self.input_norm = nn.BatchNorm1d(channels * joints)
        blocks, cin = [], channels
        for cout, stride in zip(spec["trunk_channels"], spec["trunk_strides"]):
            blocks.append(Block(cin, cout, stride, spec["temporal_kernel"], spec["dropout"], partitions))
            cin = cout
        self.blocks = nn.ModuleList(blocks)
        self.heads = nn.ModuleList(Head(cin, spec["attention_hidden"], k) for k in spec["classes"])

    def features(self, x):
        # Each joint's offset from its parent (bone) and to itself in the next frame (motion),
        # zero where a joint they need is missing: core/model's StGcnTrunk::features.
        if not (self.bone or self.motion):
            return x
        parts = [x]
        xy = x[:, 0:2]
        present = (x[:, 2:3] > 0).to(x.dtype)
        if self.bone:
            parent_present = present.index_select(3, self.bone_parents)
            parts.append((xy - xy.index_select(3, self.bone_parents)) * present * parent_present)
        if self.motion:
            next_xy = torch.cat([xy[:, :, 1:], xy[:, :, -1:]], 2)
            next_present = torch.cat([present[:, :, 1:], present[:, :, -1:]], 2)
            parts.append((next_xy - xy) * present * next_present)
        return torch.cat(parts, 1)

    def forward(self, x):
        x = self.features(x)
        n, c, t, v = x.shape
        y = x.permute(0, 3, 1, 2).reshape(n, v * c, t)
        y = self.input_norm(y).view(n, v, c, t).permute(0, 2, 3, 1).contiguous()
        for block in self.blocks:
            y = block(y)
        return [head(y) for head in self.heads]


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    torch.set_num_threads(spec["threads"])
    torch.manual_seed(1)
    device = torch.device(spec["device"])
    v = spec["joints"]
    partitions = torch.tensor(spec["partitions"], dtype=torch.float32).view(3, v, v)
    net = MultiTaskNetwork(spec, partitions).to(device)
    optimiser = torch.optim.AdamW(net.parameters(), lr=spec["learning_rate"], weight_decay=spec["weight_decay"])
    batch, frames, steps = spec["batch_size"], spec["frames"], spec["steps"]
    data = [torch.randn(batch, spec["input_channels"], frames, v, device=device) for _ in range(steps)]
    labels = [[torch.randint(0, k, (batch,), device=device) for k in spec["classes"]] for _ in range(steps)]

    # bf16 autocast around the forward pass and the loss, as the C++ trainer's mixed_precision.
    mixed = spec.get("mixed_precision", "off") == "bf16"

    def step(i):
        optimiser.zero_grad()
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=mixed):
            loss = sum(F.cross_entropy(logits, y) for logits, y in zip(net(data[i]), labels[i]))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), spec["gradient_clip_norm"])
        optimiser.step()
        return loss.item()

    net.train()
    for i in range(min(2, steps)):  # warm-up, not timed (allocator, first-call dispatch)
        step(i)
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    for i in range(steps):
        step(i)
    if device.type == "cuda":
        torch.cuda.synchronize()
    train_seconds = time.perf_counter() - start

    net.eval()
    inference_batch = torch.randn(spec["inference_batch"], spec["input_channels"], frames, v, device=device)
    with torch.no_grad():
        net(inference_batch)
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        for _ in range(spec["inference_rounds"]):
            [torch.softmax(l, 1).cpu() for l in net(inference_batch)]
        if device.type == "cuda":
            torch.cuda.synchronize()
        inference_seconds = time.perf_counter() - start

    print(json.dumps({
        "torch": torch.__version__,
        "parameters": sum(p.numel() for p in net.parameters()),
        "train_clips_per_second": steps * batch / train_seconds,
        "inference_clips_per_second": spec["inference_rounds"] * spec["inference_batch"] / inference_seconds,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }))


if __name__ == "__main__":
    main()
