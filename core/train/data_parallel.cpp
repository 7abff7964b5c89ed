#include "core/train/internal/data_parallel.h"

#include "core/train/internal/collectives.h"

#include <torch/torch.h>

namespace actionlens::train::internal {

DataParallel::DataParallel(ProcessGroup* group, std::int64_t bucketBytes) : group_(group), bucketBytes_(bucketBytes) {}

int DataParallel::rank() const { return group_ ? group_->rank() : 0; }
int DataParallel::ranks() const { return group_ ? group_->size() : 1; }

Status DataParallel::broadcastModules(const std::vector<torch::nn::Module*>& modules) {
    if (!group_) return Status::success();
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> tensors;
    for (torch::nn::Module* m : modules) {
        for (const torch::Tensor& p : m->parameters()) tensors.push_back(p.data());
        for (const torch::Tensor& b : m->buffers()) tensors.push_back(b);
    }
    // Broadcast in place needs contiguous tensors on the collectives' device; parameters are both
    // (on the CPU with Gloo, on the rank's GPU with NCCL). Anything else goes through a copy.
    const torch::Device device = collectiveDevice(*group_);
    std::vector<torch::Tensor> sent;
    for (const torch::Tensor& t : tensors)
        sent.push_back(t.is_contiguous() && t.device() == device ? t : t.contiguous().to(device));
    if (Status s = broadcastFromRankZero(*group_, sent, "sharing rank 0's starting weights"); !s) return s;
    for (size_t i = 0; i < tensors.size(); ++i)
        if (!sent[i].is_same(tensors[i])) tensors[i].copy_(sent[i]);
    return Status::success();
}

Status DataParallel::averageGradients(const std::vector<torch::Tensor>& parameters, int batches, std::vector<double>& control) {
    torch::NoGradGuard noGrad;
    if (!group_) {
        if (batches > 1)
            for (const torch::Tensor& p : parameters)
                if (p.grad().defined()) p.grad().div_(double(batches));
        return Status::success();
    }
    const torch::Device device = collectiveDevice(*group_);
    // Buckets of consecutive parameters of one type, each at most bucketBytes_ (a larger
    // parameter makes a bucket of its own).
    std::vector<std::vector<size_t>> buckets;
    std::int64_t bytes = 0;
    for (size_t i = 0; i < parameters.size(); ++i) {
        const torch::Tensor& p = parameters[i];
        const std::int64_t size = p.numel() * std::int64_t(p.element_size());
        if (buckets.empty() || bytes + size > bucketBytes_ || parameters[buckets.back().front()].scalar_type() != p.scalar_type()) {
            buckets.emplace_back();
            bytes = 0;
        }
        buckets.back().push_back(i);
        bytes += size;
    }
    std::vector<torch::Tensor> flats;
    for (const std::vector<size_t>& bucket : buckets) {
        std::vector<torch::Tensor> pieces;
        for (size_t i : bucket) {
            const torch::Tensor& p = parameters[i];
            pieces.push_back(p.grad().defined() ? p.grad().reshape(-1) : torch::zeros({p.numel()}, p.options()));
        }
        flats.push_back(torch::cat(pieces).to(device));
    }
    // The control numbers, then one flag per parameter: does this rank have its gradient.
    std::vector<double> numbers = control;
    for (const torch::Tensor& p : parameters) numbers.push_back(p.grad().defined() ? 1.0 : 0.0);
    flats.push_back(torch::tensor(numbers, torch::kDouble).to(device));
    if (Status s = allReduceSum(*group_, flats, "averaging the gradients"); !s) return s;
    const torch::Tensor summed = flats.back().to(torch::kCPU);
    const double* sums = summed.data_ptr<double>();
    for (size_t c = 0; c < control.size(); ++c) control[c] = sums[c];
    const double* defined = sums + control.size();
    for (size_t b = 0; b < buckets.size(); ++b) {
        std::int64_t offset = 0;
        for (size_t i : buckets[b]) {
            torch::Tensor p = parameters[i];
            const std::int64_t n = p.numel();
            if (defined[i] > 0.0) {
                torch::Tensor average = flats[b].slice(0, offset, offset + n).view_as(p).div(double(batches)).to(p.device());
                if (p.grad().defined())
                    p.mutable_grad().copy_(average);
                else
                    p.mutable_grad() = average;
            } else {
                p.mutable_grad() = torch::Tensor();
            }
            offset += n;
        }
    }
    return Status::success();
}

Status DataParallel::averageBuffers(torch::nn::Module& module) {
    if (!group_) return Status::success();
    torch::NoGradGuard noGrad;
    const torch::Device device = collectiveDevice(*group_);
    std::vector<torch::Tensor> floating, other, floatingSent, otherSent;
    for (const torch::Tensor& b : module.buffers()) {
        if (b.is_floating_point())
            floating.push_back(b), floatingSent.push_back(b.contiguous().to(device));
        else
            other.push_back(b), otherSent.push_back(b.contiguous().to(device));
    }
    if (Status s = allReduceSum(*group_, floatingSent, "averaging the batch-norm statistics"); !s) return s;
    if (Status s = broadcastFromRankZero(*group_, otherSent, "sharing the batch counters"); !s) return s;
    for (size_t i = 0; i < floating.size(); ++i) floating[i].copy_(floatingSent[i].div(double(group_->size())));
    for (size_t i = 0; i < other.size(); ++i)
        if (!otherSent[i].is_same(other[i])) other[i].copy_(otherSent[i]);
    return Status::success();
}

Status DataParallel::sum(std::vector<double>& values, const std::string& what) {
    if (!group_ || values.empty()) return Status::success();
    std::vector<torch::Tensor> t{torch::tensor(values, torch::kDouble).to(collectiveDevice(*group_))};
    if (Status s = allReduceSum(*group_, t, what); !s) return s;
    const torch::Tensor back = t[0].to(torch::kCPU);
    for (size_t i = 0; i < values.size(); ++i) values[i] = back.data_ptr<double>()[i];
    return Status::success();
}

Status DataParallel::broadcast(std::vector<double>& values, const std::string& what) {
    if (!group_ || values.empty()) return Status::success();
    std::vector<torch::Tensor> t{torch::tensor(values, torch::kDouble).to(collectiveDevice(*group_))};
    if (Status s = broadcastFromRankZero(*group_, t, what); !s) return s;
    const torch::Tensor back = t[0].to(torch::kCPU);
    for (size_t i = 0; i < values.size(); ++i) values[i] = back.data_ptr<double>()[i];
    return Status::success();
}

}  // namespace actionlens::train::internal
