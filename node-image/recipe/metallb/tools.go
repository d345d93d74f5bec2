//go:build tools

// Package tools only records, for go mod tidy, the MetalLB programs this module builds.
package tools

import (
	_ "go.universe.tf/metallb/controller"
	_ "go.universe.tf/metallb/speaker"
)
