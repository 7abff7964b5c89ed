#include "core/train/process_group.h"

#include "core/model/compute_device.h"
#include "core/train/internal/collectives.h"

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef USE_C10D_NCCL
#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <chrono>
#include <cstdlib>
#include <exception>
#include <functional>
#include <sstream>

namespace actionlens::train {

namespace {

const char* const kLaunchHint =
    "distributed training reads the variables torchrun sets (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK, "
    "LOCAL_WORLD_SIZE): launch with `torchrun --nproc-per-node N --no-python actionlens-cli train ... --distributed` "
    "(Debian: python3 -m torch.distributed.run --nproc_per_node N --no_python ...) or set them by hand";

Status readInteger(const char* name, int low, int high, bool required, int* out) {
    const char* text = std::getenv(name);
    if (!text || !*text) {
        if (required) return makeError(std::string(name) + " is not set; " + kLaunchHint);
        return Status::success();
    }
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*end != '\0' || value < low || value > high)
        return makeError(std::string(name) + " is '" + text + "', expected a whole number from " + std::to_string(low) +
                         " to " + std::to_string(high));
    *out = int(value);
    return Status::success();
}

std::string describeException(const std::exception& e) {
    // c10::Error's what() carries a C++ backtrace; the first line is the message.
    std::string text = e.what();
    const size_t newline = text.find('\n');
    if (newline != std::string::npos) text.resize(newline);
    return text;
}

}  // namespace

Result<DistributedEnvironment> distributedEnvironmentFromVariables() {
    DistributedEnvironment env;
    if (Status s = readInteger("WORLD_SIZE", 1, 1 << 20, true, &env.worldSize); !s) return s.takeError();
    if (Status s = readInteger("RANK", 0, env.worldSize - 1, true, &env.rank); !s) return s.takeError();
    const char* address = std::getenv("MASTER_ADDR");
    if (!address || !*address) return makeError(std::string("MASTER_ADDR is not set; ") + kLaunchHint);
    env.masterAddress = address;
    if (Status s = readInteger("MASTER_PORT", 1, 65535, true, &env.masterPort); !s) return s.takeError();
    env.localWorldSize = env.worldSize;
    env.localRank = env.rank;
    if (Status s = readInteger("LOCAL_WORLD_SIZE", 1, env.worldSize, false, &env.localWorldSize); !s) return s.takeError();
    if (Status s = readInteger("LOCAL_RANK", 0, env.localWorldSize - 1, false, &env.localRank); !s) return s.takeError();
    const char* agent = std::getenv("TORCHELASTIC_USE_AGENT_STORE");
    env.agentHostsStore = agent && std::string(agent) == "True";
    if (Status s = readInteger("TORCHELASTIC_RESTART_COUNT", 0, 1 << 20, false, &env.restartCount); !s) return s.takeError();
    return env;
}

struct ProcessGroup::Impl {
    DistributedEnvironment environment;
    std::string backend;
    double timeoutSeconds = 300.0;
    torch::Device device{torch::kCPU};
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroup> group;

    Status run(const std::string& what, const std::function<c10::intrusive_ptr<c10d::Work>()>& launch) {
        return runAll(what, {launch});
    }
    Status runAll(const std::string& what,
                  const std::vector<std::function<c10::intrusive_ptr<c10d::Work>()>>& launches) {
        try {
            std::vector<c10::intrusive_ptr<c10d::Work>> works;
            for (const auto& launch : launches) works.push_back(launch());
            for (auto& work : works) work->wait();
            return Status::success();
        } catch (const std::exception& e) {
            std::ostringstream out;
            out << "distributed training stopped on rank " << environment.rank << " of " << environment.worldSize << ": "
                << what << " failed (" << describeException(e) << "); another process has stopped or the "
                << timeoutSeconds << " s timeout passed";
            return makeError(out.str());
        }
    }
};

bool processGroupBackendAvailable(const std::string& backend) {
#ifdef USE_C10D_GLOO
    if (backend == "gloo") return true;
#endif
#ifdef USE_C10D_NCCL
    if (backend == "nccl") return true;
#endif
    (void)backend;
    return false;
}

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProcessGroup::~ProcessGroup() = default;
int ProcessGroup::rank() const { return impl_->environment.rank; }
int ProcessGroup::size() const { return impl_->environment.worldSize; }
int ProcessGroup::localRank() const { return impl_->environment.localRank; }
std::string ProcessGroup::backend() const { return impl_->backend; }
double ProcessGroup::timeoutSeconds() const { return impl_->timeoutSeconds; }

Status ProcessGroup::barrier() {
    std::vector<torch::Tensor> one{torch::ones({1}, torch::TensorOptions().device(impl_->device))};
    return internal::allReduceSum(*this, one, "waiting for every process");
}

Result<std::unique_ptr<ProcessGroup>> ProcessGroup::join(const DistributedEnvironment& env, const ProcessGroupOptions& options) {
    if (!(options.timeoutSeconds > 0)) return makeError("the process group's timeout must be > 0 seconds");
    Result<std::string> device = model::resolveComputeDevice(options.device);
    if (!device) return device.takeError();
    std::string backend = options.backend;
    if (backend == "auto") backend = device.value() == "cuda" ? "nccl" : "gloo";
    if (backend != "gloo" && backend != "nccl")
        return makeError("backend is '" + options.backend + "', expected auto, gloo or nccl");
    if (backend == "nccl" && device.value() != "cuda")
        return makeError("the NCCL backend needs the CUDA device (device is " + device.value() + "); use --backend gloo");
    if (!processGroupBackendAvailable(backend))
        return makeError("this build of ActionLens has no " + backend +
                         " backend (" +
                         (backend == "gloo" ? std::string("Gloo's headers were missing at build time: install libgloo-dev "
                                                          "and rebuild")
                                            : std::string("LibTorch without NCCL, or nccl.h missing at build time; "
                                                          "--backend gloo works on CUDA tensors too")) +
                         ")");
    auto impl = std::make_unique<Impl>();
    impl->environment = env;
    impl->backend = backend;
    impl->timeoutSeconds = options.timeoutSeconds;
    const auto timeout = std::chrono::milliseconds(std::int64_t(options.timeoutSeconds * 1000.0));
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = std::uint16_t(env.masterPort);
        storeOptions.isServer = !env.agentHostsStore && env.rank == 0;
        storeOptions.numWorkers = env.agentHostsStore ? c10::nullopt : c10::optional<std::size_t>(env.worldSize);
        storeOptions.waitWorkers = false;
        storeOptions.timeout = timeout;
        storeOptions.multiTenant = true;
        c10::intrusive_ptr<c10d::Store> tcp = c10::make_intrusive<c10d::TCPStore>(env.masterAddress, storeOptions);
        // The same key space torchrun's Python workers use, so a store shared with its agent stays tidy.
        impl->store = env.agentHostsStore
                          ? c10::intrusive_ptr<c10d::Store>(c10::make_intrusive<c10d::PrefixStore>(
                                "/worker/attempt_" + std::to_string(env.restartCount), tcp))
                          : tcp;
        impl->store = c10::make_intrusive<c10d::PrefixStore>("actionlens", impl->store);
        impl->store->setTimeout(timeout);
        if (backend == "gloo") {
#ifdef USE_C10D_GLOO
            auto glooOptions = c10d::ProcessGroupGloo::Options::create(timeout);
            const char* interface = std::getenv("GLOO_SOCKET_IFNAME");
            if (interface && *interface)
                glooOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(interface));
            else if (env.masterAddress == "127.0.0.1" || env.masterAddress == "localhost")
                glooOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else
                glooOptions->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, env.rank, env.worldSize, glooOptions);
#endif
        } else {
#ifdef USE_C10D_NCCL
            // NCCL's own watchdog turns a dead peer into an error after the timeout.
            setenv("NCCL_ASYNC_ERROR_HANDLING", "1", 0);
            c10::cuda::set_device(c10::DeviceIndex(env.localRank));
            auto ncclOptions = c10d::ProcessGroupNCCL::Options::create();
            ncclOptions->timeout = timeout;
            impl->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(impl->store, env.rank, env.worldSize, ncclOptions);
#endif
        }
    } catch (const std::exception& e) {
        std::ostringstream out;
        out << "rank " << env.rank << " of " << env.worldSize << " could not join the process group at "
            << env.masterAddress << ":" << env.masterPort << " (" << describeException(e)
            << "); check MASTER_ADDR and MASTER_PORT, that every rank was started, and the firewall";
        return makeError(out.str());
    }
    impl->device = device.value() == "cuda" ? torch::Device(torch::kCUDA, c10::DeviceIndex(env.localRank)) : torch::Device(torch::kCPU);
    std::unique_ptr<ProcessGroup> group(new ProcessGroup(std::move(impl)));
    // Every rank has arrived once this returns: the run's first collective does not wait for stragglers.
    if (Status s = group->barrier(); !s) return s.takeError();
    return group;
}

namespace internal {

torch::Device collectiveDevice(ProcessGroup& group) { return group.impl().backend == "nccl" ? group.impl().device : torch::Device(torch::kCPU); }

Status allReduceSum(ProcessGroup& group, std::vector<torch::Tensor>& tensors, const std::string& what) {
    std::vector<std::function<c10::intrusive_ptr<c10d::Work>()>> launches;
    for (torch::Tensor& t : tensors)
        launches.push_back([&group, &t] {
            std::vector<at::Tensor> one{t};
            return group.impl().group->allreduce(one);
        });
    return group.impl().runAll(what, launches);
}

Status broadcastFromRankZero(ProcessGroup& group, std::vector<torch::Tensor>& tensors, const std::string& what) {
    std::vector<std::function<c10::intrusive_ptr<c10d::Work>()>> launches;
    for (torch::Tensor& t : tensors)
        launches.push_back([&group, &t] {
            std::vector<at::Tensor> one{t};
            return group.impl().group->broadcast(one);
        });
    return group.impl().runAll(what, launches);
}

}  // namespace internal

}  // namespace actionlens::train
