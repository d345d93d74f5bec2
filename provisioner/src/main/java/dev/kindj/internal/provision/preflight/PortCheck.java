package dev.kindj.internal.provision.preflight;

import dev.kindj.config.HostPortRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed host ports (extraPortMappings, networking.apiServerPort) must be free: Docker would otherwise fail to start
 * the node after its network and volumes exist.
 */
final class PortCheck extends PreflightCheck {

    PortCheck() {
        super("host ports");
    }

    @Override
    CheckResult check(Demand demand, HostReadings host) {
        if (demand.hostPorts().isEmpty()) {
            return ok("no fixed host port requested");
        }
        List<String> free = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (HostPortRequest request : demand.hostPorts()) {
            Reading<Boolean> inUse = host.portInUse(request.mapping());
            if (!inUse.isPresent()) {
                unchecked.add(request.describe() + " (" + inUse.whyMissing() + ")");
            } else if (inUse.value()) {
                taken.add(request.describe() + " (" + request.field() + ")");
            } else {
                free.add(request.describe());
            }
        }
        String requested = Demand.count(demand.hostPorts().size(), "fixed host port");
        if (!taken.isEmpty()) {
            return fail(taken.size() + " of " + requested + " already in use on this host: "
                    + String.join(", ", taken),
                    "stop what listens there (ss -ltnup shows it), or choose another hostPort; 0 lets Docker pick a"
                            + " free one");
        }
        if (!unchecked.isEmpty()) {
            return skipped(String.join(", ", unchecked)
                    + (free.isEmpty() ? "" : "; free: " + String.join(", ", free)));
        }
        return ok(requested + " free: " + String.join(", ", free));
    }
}
