// Package warm resolves its backend when it is initialized. // want package:`initwork\(init: network call net.LookupHost`
package warm

import "net"

// Addrs are the resolved addresses of the backend.
var Addrs, _ = net.LookupHost("backend.example.invalid")
