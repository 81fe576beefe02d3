"""PyTorch side of the `train` benchmark: median and best ms per training step of the same four workloads, as JSON."""
import json
import sys
import time

import torch
import torch.nn as nn

torch.set_num_threads(2)
torch.manual_seed(0)
warmup, steps = int(sys.argv[1]), int(sys.argv[2])


class LastStep(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm, self.head = nn.LSTM(32, 128), nn.Linear(128, 10)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[-1])


workloads = {
    "mlp 784-256-128-10, batch 128": (
        nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10)), (128, 784)),
    "lenet-5 28x28, batch 64": (
        nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                      nn.Linear(84, 10)), (64, 1, 28, 28)),
    "lstm in 32, hidden 128, 50 steps, batch 32": (LastStep(), (50, 32, 32)),
    "cnn + batch norm 3x32x32, batch 64": (
        nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                      nn.Linear(64 * 8 * 8, 10)), (64, 3, 32, 32)),
}

result = {}
loss_fn = nn.CrossEntropyLoss()
for name, (model, shape) in workloads.items():
    x = torch.randn(*shape)
    y = torch.randint(0, 10, (32 if name.startswith("lstm") else shape[0],))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    times = []
    for i in range(warmup + steps):
        start = time.perf_counter()
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    result[name] = {"median": times[len(times) // 2], "best": times[0]}
print(json.dumps(result))
